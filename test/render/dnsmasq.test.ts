/**
 * The dnsmasq format: exact text for a small list, `dnsmasq --test` on every option combination,
 * and a real resolver started from the rendered file answering allowed names and refusing the rest.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {dig} from '../support/dig.js'
import {runProgram} from '../support/run-program.js'
import {useTempDir} from '../support/temp-dir.js'
import {startLoopbackDnsmasq, startUpstreamDns, type UpstreamDns} from '../support/upstream-dns.js'

const list = allowListOf([
  entry('example.com', {includesSubdomains: true}),
  entry('a.example.com'),
  entry('exact.org'),
  entry('api.exact.org', {includesSubdomains: true}),
])

describe('dnsmasq format', () => {
  const temp = useTempDir('allowlist-dnsmasq-test-')

  it('should forward each domain, keep exact entries exact and drop covered names', async () => {
    const output = await renderFormat(list, {
      format: 'dnsmasq',
      formatOptions: {upstream: ['127.0.2.1#5353', '::1']},
    })
    expect(output.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'no-resolv',
      'server=/api.exact.org/127.0.2.1#5353',
      'server=/api.exact.org/::1',
      'server=/exact.org/127.0.2.1#5353',
      'server=/exact.org/::1',
      'local=/*.exact.org/',
      'server=/example.com/127.0.2.1#5353',
      'server=/example.com/::1',
      '',
    ])
  })

  it('should widen exact entries and add nftset and ipset lines when asked', async () => {
    const output = await renderFormat(list, {
      format: 'dnsmasq',
      formatOptions: {exactNames: 'widen', nftset: true, ipset: true, nftTable: 'fw'},
    })
    expect(output.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'no-resolv',
      'server=/exact.org/127.0.0.53',
      'nftset=/exact.org/4#inet#fw#allow_v4,6#inet#fw#allow_v6',
      'ipset=/exact.org/allow_v4,allow_v6',
      'server=/example.com/127.0.0.53',
      'nftset=/example.com/4#inet#fw#allow_v4,6#inet#fw#allow_v6',
      'ipset=/example.com/allow_v4,allow_v6',
      '',
    ])
  })

  it.each([
    [{upstream: '127.0.0.1; rm -rf /'}, /option `upstream`/],
    [{upstream: ['127.0.0.1#99999']}, /option `upstream`/],
    [{upstream: []}, /option `upstream`/],
    [{nftTable: 'a b'}, /option `nftTable`/],
    [{exactNames: 'loose'}, /option `exactNames`/],
  ])('should reject the options %j', async (formatOptions, message) => {
    await expect(renderFormat(list, {format: 'dnsmasq', formatOptions})).rejects.toThrow(message)
  })

  it.each([
    ['the defaults', {}],
    [
      'several upstreams, nftset and ipset',
      {upstream: ['127.0.2.1#5353', '::1#53'], nftset: true, ipset: true},
    ],
    ['widened exact names', {exactNames: 'widen'}],
  ])('should pass dnsmasq --test with %s', async (_, formatOptions) => {
    const path = join(temp.path, 'allowlist.dnsmasq.conf')
    await writeFile(path, await renderFormat(list, {format: 'dnsmasq', formatOptions}))
    const result = runProgram('dnsmasq', 'dnsmasq-base', ['--test', `--conf-file=${path}`])
    expect(result.output).toContain('syntax check OK')
    expect(result.status).toBe(0)
  })

  it('should pass dnsmasq --test with an empty list', async () => {
    const path = join(temp.path, 'empty.conf')
    await writeFile(path, await renderFormat(allowListOf([]), {format: 'dnsmasq'}))
    expect(runProgram('dnsmasq', 'dnsmasq-base', ['--test', `--conf-file=${path}`]).status).toBe(0)
  })
})

describe('dnsmasq format as a running resolver', () => {
  const temp = useTempDir('allowlist-dnsmasq-run-')
  let upstream: UpstreamDns

  beforeAll(async () => {
    upstream = await startUpstreamDns({address: '127.0.1.1', catchAllV4: '127.0.1.200'})
  })
  afterAll(async () => upstream?.stop())

  it.each([
    ['example.com', 'NOERROR'],
    ['www.example.com', 'NOERROR'],
    ['deep.a.example.com', 'NOERROR'],
    ['exact.org', 'NOERROR'],
    ['sub.exact.org', 'NXDOMAIN'],
    ['api.exact.org', 'NOERROR'],
    ['v2.api.exact.org', 'NOERROR'],
    ['notexample.com', 'REFUSED'],
    ['example.com.evil.net', 'REFUSED'],
    ['other.net', 'REFUSED'],
  ])('should answer %s with %s', async (name, status) => {
    const path = join(temp.path, 'allowlist.dnsmasq.conf')
    await writeFile(
      path,
      await renderFormat(list, {format: 'dnsmasq', formatOptions: {upstream: upstream.server}}),
    )
    const resolver = await startLoopbackDnsmasq('127.0.1.2', ['no-hosts', `conf-file=${path}`])
    try {
      const answer = dig(resolver.address, resolver.port, name)
      expect(answer.status).toBe(status)
      expect(answer.addresses).toEqual(status === 'NOERROR' ? ['127.0.1.200'] : [])
    } finally {
      await resolver.stop()
    }
  })
})
