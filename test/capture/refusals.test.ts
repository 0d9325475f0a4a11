import {describe, expect, it} from 'vitest'
import {findRefusals} from '../../src/capture/refusals.js'

const LOG = `Dec  4 16:18:23 dnsmasq[10323]: 1 10.1.2.3/43995 query[A] a.allowed.com from 10.1.2.3
Dec  4 16:18:23 dnsmasq[10323]: 1 10.1.2.3/43995 forwarded a.allowed.com to 127.0.2.9#5399
Dec  4 16:18:23 dnsmasq[10323]: 1 10.1.2.3/43995 reply a.allowed.com is 127.0.0.1
Dec  4 16:18:23 dnsmasq[10323]: 2 10.1.2.3/33607 query[A] Other.net from 10.1.2.3
Dec  4 16:18:23 dnsmasq[10323]: 2 10.1.2.3/33607 config error is REFUSED (EDE: not ready)
Dec  4 16:18:23 dnsmasq[10323]: 3 10.1.2.3/39388 query[AAAA] other.net from 10.1.2.3
Dec  4 16:18:23 dnsmasq[10323]: 3 10.1.2.3/39388 config error is REFUSED (EDE: not ready)
Dec  4 16:18:24 dnsmasq[10323]: 4 10.1.2.3/39390 query[A] other.net from 10.1.2.3
Dec  4 16:18:24 dnsmasq[10323]: 4 10.1.2.3/39390 config error is REFUSED (EDE: not ready)
Dec  4 16:18:24 dnsmasq[10323]: 5 10.1.2.3/39391 query[A] broken.allowed.com from 10.1.2.3
Dec  4 16:18:24 dnsmasq[10323]: 5 10.1.2.3/39391 forwarded broken.allowed.com to 127.0.2.9#5399
Dec  4 16:18:24 dnsmasq[10323]: 5 10.1.2.3/39391 reply error is REFUSED
`

describe('findRefusals', () => {
  it('should count refusals per name and type with the first query line', () => {
    expect(findRefusals(LOG)).toEqual([
      {
        name: 'other.net',
        type: 'A',
        count: 2,
        firstLine:
          'Dec  4 16:18:23 dnsmasq[10323]: 2 10.1.2.3/33607 query[A] Other.net from 10.1.2.3',
      },
      {
        name: 'other.net',
        type: 'AAAA',
        count: 1,
        firstLine:
          'Dec  4 16:18:23 dnsmasq[10323]: 3 10.1.2.3/39388 query[AAAA] other.net from 10.1.2.3',
      },
    ])
  })

  it('should find nothing in a log without refusals', () => {
    expect(findRefusals(LOG.split('\n').slice(0, 3).join('\n'))).toEqual([])
  })
})
