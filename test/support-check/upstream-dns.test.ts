import {execFileSync} from 'node:child_process'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {requireProgram} from '../support/programs.js'
import {startUpstreamDns, type UpstreamDns} from '../support/upstream-dns.js'

describe('loopback upstream dnsmasq', () => {
  let upstream: UpstreamDns
  beforeAll(async () => {
    upstream = await startUpstreamDns({
      address: '127.0.0.9',
      records: ['host-record=pinned.example.net,192.0.2.7'],
    })
  })
  afterAll(async () => upstream?.stop())

  const dig = (name: string): string =>
    execFileSync(requireProgram('dig', 'bind9-dnsutils'), [
      `@${upstream.address}`,
      '-p',
      String(upstream.port),
      '+short',
      '+time=2',
      '+tries=1',
      name,
      'A',
    ])
      .toString()
      .trim()

  it('should answer any name with the catch-all address', () => {
    expect(dig('anything.invalid.example')).toBe('127.0.0.1')
  })

  it('should answer configured records with their own address', () => {
    expect(dig('pinned.example.net')).toBe('192.0.2.7')
  })

  it('should fail, not skip, when a program is missing', () => {
    expect(() => requireProgram('no-such-program-here', 'nothing')).toThrow(
      /not installed: install the Debian package `nothing`/,
    )
  })
})
