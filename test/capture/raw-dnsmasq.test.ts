import {describe, expect, it} from 'vitest'
import {captureRawDnsmasq, optionKey, verifyRawDnsmasq} from '../../src/capture/raw-dnsmasq.js'

const logging = {logFile: '/tmp/x/dnsmasq.log', extra: true}

describe('captureRawDnsmasq', () => {
  it('should keep user lines and replace their logging options with ours', () => {
    const user = 'dhcp-option=3\nlog-queries\nlog-facility=/var/log/mine.log\nserver=1.1.1.1\n'
    expect(captureRawDnsmasq(user, {...logging, upstreams: []})).toBe(
      'dhcp-option=3\nserver=1.1.1.1\nlog-queries=extra\nlog-facility=/tmp/x/dnsmasq.log\nquiet-dhcp\nquiet-dhcp6\n',
    )
  })

  it('should forward only to the given upstreams, dropping the user forwarding lines', () => {
    expect(
      captureRawDnsmasq('server=1.1.1.1\nno-resolv\n', {
        ...logging,
        extra: false,
        upstreams: ['127.0.2.1#5353'],
      }),
    ).toBe(
      'no-resolv\nserver=127.0.2.1#5353\nlog-queries\nlog-facility=/tmp/x/dnsmasq.log\nquiet-dhcp\nquiet-dhcp6\n',
    )
  })
})

describe('verifyRawDnsmasq', () => {
  it('should enforce the allow-only lines with no default upstream', () => {
    expect(
      verifyRawDnsmasq(
        'dhcp-option=3\nserver=8.8.8.8\naddress=/x/1.2.3.4\n',
        ['server=/a.com/127.0.2.1#53'],
        logging,
      ),
    ).toBe(
      'dhcp-option=3\nno-resolv\nserver=/a.com/127.0.2.1#53\nlog-queries=extra\nlog-facility=/tmp/x/dnsmasq.log\nquiet-dhcp\nquiet-dhcp6\n',
    )
  })
})

describe('optionKey', () => {
  it('should read the option name with or without dashes and value', () => {
    expect([
      optionKey('--server=/a/b'),
      optionKey(' quiet-dhcp '),
      optionKey('log-queries=extra'),
    ]).toEqual(['server', 'quiet-dhcp', 'log-queries'])
  })
})
