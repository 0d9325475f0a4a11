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
Dec  4 16:18:25 dnsmasq[10323]: 6 10.1.2.3/39392 query[A] sub.exact.org from 10.1.2.3
Dec  4 16:18:25 dnsmasq[10323]: 6 10.1.2.3/39392 config sub.exact.org is NXDOMAIN
Dec  4 16:18:25 dnsmasq[10323]: 7 10.1.2.3/39393 query[A] ftp.debian.org.lxd from 10.1.2.3
Dec  4 16:18:25 dnsmasq[10323]: 7 10.1.2.3/39393 config ftp.debian.org.lxd is NXDOMAIN
`

describe('findRefusals', () => {
  it('should count denials per name and type with the first query line, skipping local names and upstream failures', () => {
    expect(findRefusals(LOG)).toEqual([
      {
        name: 'other.net',
        type: 'A',
        answer: 'REFUSED',
        count: 2,
        firstLine:
          'Dec  4 16:18:23 dnsmasq[10323]: 2 10.1.2.3/33607 query[A] Other.net from 10.1.2.3',
      },
      {
        name: 'other.net',
        type: 'AAAA',
        answer: 'REFUSED',
        count: 1,
        firstLine:
          'Dec  4 16:18:23 dnsmasq[10323]: 3 10.1.2.3/39388 query[AAAA] other.net from 10.1.2.3',
      },
      {
        name: 'sub.exact.org',
        type: 'A',
        answer: 'NXDOMAIN',
        count: 1,
        firstLine:
          'Dec  4 16:18:25 dnsmasq[10323]: 6 10.1.2.3/39392 query[A] sub.exact.org from 10.1.2.3',
      },
    ])
  })

  it('should find nothing in a log without refusals', () => {
    expect(findRefusals(LOG.split('\n').slice(0, 3).join('\n'))).toEqual([])
  })
})
