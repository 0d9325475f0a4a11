import {describe, expect, it} from 'vitest'
import {collectAddresses} from '../../src/render/addresses.js'
import {entry} from '../support/allow-list.js'

describe('collectAddresses', () => {
  it('should order numerically, merge equal addresses and write IPv6 canonically', () => {
    const sets = collectAddresses([
      entry('b.org', {
        addresses: {
          v4: ['10.0.0.10', '9.0.0.1'],
          v6: ['::0:0:0:0:0:0.0.0.0', '2001:DB8:0:0:1:0:0:1'],
        },
      }),
      entry('a.org', {
        addresses: {
          v4: ['10.0.0.10'],
          v6: ['2001:db8::1:0:0:1', '::ffff:192.0.2.1', '1:0:0:2:0:0:0:3'],
        },
      }),
    ])
    expect(sets.v4).toEqual([
      {address: '9.0.0.1', names: ['b.org']},
      {address: '10.0.0.10', names: ['a.org', 'b.org']},
    ])
    expect(sets.v6.map((item) => item.address)).toEqual([
      '::',
      '::ffff:c000:201',
      '1:0:0:2::3',
      '2001:db8::1:0:0:1',
    ])
    expect(sets.v6[3]?.names).toEqual(['a.org', 'b.org'])
  })
})
