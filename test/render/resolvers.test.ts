/**
 * The hosts, unbound and rpz formats: exact text for a small list, each accepted by its real
 * validator (`unbound-checkconf`, `named-checkzone`), and Unbound serving the rendered clause.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {dig} from '../support/dig.js'
import {runProgram} from '../support/run-program.js'
import {useTempDir} from '../support/temp-dir.js'
import {startUnbound, unboundCheckconf} from '../support/unbound.js'
import {startUpstreamDns, type UpstreamDns} from '../support/upstream-dns.js'

const list = allowListOf([
  entry('example.com', {
    includesSubdomains: true,
    addresses: {v4: ['192.0.2.1'], v6: ['2001:db8::1']},
  }),
  entry('a.example.com'),
  entry('exact.org', {addresses: {v4: ['192.0.2.2'], v6: []}}),
  entry('_acme-challenge.exact.org'),
  entry('edge.cdn.net', {cnameTarget: true}),
])

const body = (output: string, comment: string) =>
  output.split('\n').filter((line) => !line.startsWith(comment))

describe('hosts format', () => {
  it('should write one name a line, subdomain entries included', async () => {
    expect(body(await renderFormat(list, {format: 'hosts'}), '#')).toEqual([
      '_acme-challenge.exact.org',
      'a.example.com',
      'edge.cdn.net',
      'exact.org',
      'example.com',
      '',
    ])
  })

  it('should pin names to their observed addresses when asked', async () => {
    const output = await renderFormat(list, {
      format: 'hosts',
      formatOptions: {addresses: 'observed'},
    })
    expect(output).toContain(
      '\n192.0.2.2 exact.org\n192.0.2.1 example.com\n2001:db8::1 example.com\n',
    )
    expect(output).toContain('\n# no address observed: a.example.com\n')
  })
})

describe('unbound format', () => {
  const temp = useTempDir('allowlist-unbound-')
  let upstream: UpstreamDns
  beforeAll(async () => {
    upstream = await startUpstreamDns({
      address: '127.0.1.4',
      catchAllV4: '127.0.1.200',
      records: [
        'host-record=target.unlisted.net,127.0.1.201',
        'cname=alias.exact.org,target.unlisted.net',
      ],
    })
  })
  afterAll(async () => upstream?.stop())

  it('should refuse the root and let each uncovered domain through', async () => {
    expect(body(await renderFormat(list, {format: 'unbound'}), '#')).toEqual([
      'server:',
      '\tlocal-zone: "." refuse',
      '\tlocal-zone: "edge.cdn.net." transparent',
      '\tlocal-zone: "exact.org." transparent',
      '\tlocal-zone: "example.com." transparent',
      '',
    ])
  })

  it.each([
    ['a list', list],
    ['an empty list', allowListOf([])],
  ])('should pass unbound-checkconf with %s', async (_, allowList) => {
    const path = join(temp.path, 'allowlist.unbound.conf')
    await writeFile(path, await renderFormat(allowList, {format: 'unbound'}))
    const result = await unboundCheckconf(temp.path, path)
    expect(result.output).toContain('no errors')
    expect(result.status).toBe(0)
  })

  it('should answer listed names and their subdomains and refuse the rest when served', async () => {
    const path = join(temp.path, 'allowlist.unbound.conf')
    await writeFile(path, await renderFormat(list, {format: 'unbound'}))
    const server = await startUnbound(temp.path, path, '127.0.1.5', upstream)
    try {
      const status = (name: string) => dig('127.0.1.5', server.port, name).status
      expect(status('example.com')).toBe('NOERROR')
      expect(status('www.example.com')).toBe('NOERROR')
      expect(status('exact.org')).toBe('NOERROR')
      // Widened: a local-zone cannot keep exact.org exact.
      expect(status('sub.exact.org')).toBe('NOERROR')
      expect(status('notexample.com')).toBe('REFUSED')
      expect(status('example.com.evil.net')).toBe('REFUSED')
      // Only the question is checked; the chain to an unlisted target comes back whole.
      expect(dig('127.0.1.5', server.port, 'alias.exact.org').addresses).toEqual(['127.0.1.201'])
    } finally {
      await server.stop()
    }
  })
})

describe('rpz format', () => {
  const temp = useTempDir('allowlist-rpz-')

  it('should pass listed names and NXDOMAIN their parents, siblings and exact subtrees', async () => {
    expect(body(await renderFormat(list, {format: 'rpz'}), ';')).toEqual([
      '$TTL 300',
      '@\tSOA\tlocalhost. hostmaster.localhost. 1 3600 600 86400 300',
      '\tNS\tlocalhost.',
      '*\tCNAME\t.',
      'com\tCNAME\t.',
      '*.com\tCNAME\t.',
      'example.com\tCNAME\trpz-passthru.',
      '*.example.com\tCNAME\trpz-passthru.',
      'net\tCNAME\t.',
      '*.net\tCNAME\t.',
      'cdn.net\tCNAME\t.',
      '*.cdn.net\tCNAME\t.',
      'edge.cdn.net\tCNAME\trpz-passthru.\t; CNAME target',
      '*.edge.cdn.net\tCNAME\t.',
      'org\tCNAME\t.',
      '*.org\tCNAME\t.',
      'exact.org\tCNAME\trpz-passthru.',
      '*.exact.org\tCNAME\t.',
      '_acme-challenge.exact.org\tCNAME\trpz-passthru.',
      '*._acme-challenge.exact.org\tCNAME\t.',
      '',
    ])
  })

  it('should take the serial from the option, else the timestamp', async () => {
    const timestamp = new Date(Date.UTC(2026, 11, 4))
    expect(await renderFormat(list, {format: 'rpz', timestamp})).toContain(' 1796342400 3600 ')
    expect(
      await renderFormat(list, {format: 'rpz', timestamp, formatOptions: {serial: 7}}),
    ).toContain(' 7 3600 ')
    await expect(renderFormat(list, {format: 'rpz', formatOptions: {serial: -1}})).rejects.toThrow(
      /option `serial`/,
    )
  })

  it.each([
    ['a list', list],
    ['an empty list', allowListOf([])],
  ])('should pass named-checkzone with %s', async (_, allowList) => {
    const path = join(temp.path, 'allowlist.rpz')
    await writeFile(path, await renderFormat(allowList, {format: 'rpz'}))
    const result = runProgram('named-checkzone', 'bind9-utils', ['rpz.allowlist', path])
    expect(result.output).toMatch(/loaded serial 1\nOK/)
    expect(result.status).toBe(0)
  })
})
