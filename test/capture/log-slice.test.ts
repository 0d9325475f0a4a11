import {describe, expect, it} from 'vitest'
import {keepClients} from '../../src/capture/log-slice.js'

describe('keepClients', () => {
  it("should drop other clients' lines and keep lines without a client", () => {
    const log = [
      'Dec  4 16:00:00 dnsmasq[1]: read /etc/hosts - 3 names',
      'Dec  4 16:00:01 dnsmasq[1]: 1 10.0.0.2/4000 query[A] mine.org from 10.0.0.2',
      'Dec  4 16:00:01 dnsmasq[1]: 2 10.0.0.3/4001 query[A] theirs.org from 10.0.0.3',
      'Dec  4 16:00:01 dnsmasq[1]: 2 10.0.0.3/4001 reply theirs.org is 1.2.3.4',
      'Dec  4 16:00:01 dnsmasq[1]: 1 10.0.0.2/4000 reply mine.org is 1.2.3.5',
    ].join('\n')
    expect(keepClients(log, new Set(['10.0.0.2'])).split('\n')).toEqual([
      'Dec  4 16:00:00 dnsmasq[1]: read /etc/hosts - 3 names',
      'Dec  4 16:00:01 dnsmasq[1]: 1 10.0.0.2/4000 query[A] mine.org from 10.0.0.2',
      'Dec  4 16:00:01 dnsmasq[1]: 1 10.0.0.2/4000 reply mine.org is 1.2.3.5',
    ])
  })
})
