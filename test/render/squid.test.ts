/**
 * The squid format: overlapping names removed, both modes, the http_access snippet, and every
 * output accepted by `squid -k parse` without a warning.
 */
import {writeFile} from 'node:fs/promises'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {squidParse, startSquid} from '../support/squid.js'
import {useTempDir} from '../support/temp-dir.js'

/** Every overlap Squid objects to: a domain beside `.domain`, names under an included domain. */
const overlapping = allowListOf([
  entry('example.com'),
  entry('example.com', {includesSubdomains: true}),
  entry('a.example.com'),
  entry('b.example.com', {includesSubdomains: true}),
  entry('exact.org'),
  entry('www.exact.org'),
  entry('registry.npmjs.org'),
])

const body = (output: string) => output.split('\n').filter((line) => !line.startsWith('#'))

describe('squid format', () => {
  const temp = useTempDir('allowlist-squid-')

  it('should write one dstdomain line per name, overlaps removed', async () => {
    expect(body(await renderFormat(overlapping, {format: 'squid'}))).toEqual([
      'acl allowlist dstdomain exact.org',
      'acl allowlist dstdomain .example.com',
      'acl allowlist dstdomain registry.npmjs.org',
      'acl allowlist dstdomain www.exact.org',
      '',
    ])
  })

  it('should write the bare list in file mode and the http_access snippet when asked', async () => {
    const file = await renderFormat(overlapping, {format: 'squid', formatOptions: {mode: 'file'}})
    expect(body(file)).toEqual([
      'exact.org',
      '.example.com',
      'registry.npmjs.org',
      'www.exact.org',
      '',
    ])
    const snippet = await renderFormat(overlapping, {
      format: 'squid',
      formatOptions: {acl: 'builders', httpAccess: true},
    })
    expect(body(snippet).slice(-3)).toEqual([
      'http_access allow builders',
      'http_access deny all',
      '',
    ])
  })

  it.each([
    [{mode: 'list'}, /option `mode`/],
    [{acl: 'all src all'}, /option `acl`/],
    [{mode: 'file', httpAccess: true}, /option `httpAccess`.*a list file holds names only/],
  ])('should reject the options %j', async (formatOptions, message) => {
    await expect(renderFormat(overlapping, {format: 'squid', formatOptions})).rejects.toThrow(
      message,
    )
  })

  it.each([
    ['acl mode', {}, 'acl', true],
    ['acl mode with its own http_access', {httpAccess: true}, 'acl', false],
    ['file mode', {mode: 'file'}, 'file', true],
  ] as const)('should pass squid -k parse in %s', async (_, formatOptions, mode, wrap) => {
    for (const list of [overlapping, allowListOf([])]) {
      const output = await renderFormat(list, {format: 'squid', formatOptions})
      const check = await squidParse(temp.path, output, mode, wrap)
      expect(check.problems).toEqual([])
      expect(check.status).toBe(0)
    }
  })

  it('should notice the overlap squid warns about, so the check above can fail', async () => {
    const check = await squidParse(
      temp.path,
      'acl allowlist dstdomain .example.com\nacl allowlist dstdomain a.example.com\n',
      'acl',
    )
    expect(check.problems.join('\n')).toMatch(/a.example.com' is a subdomain of '.example.com'/)
  })
})

describe('squid format in a running Squid', () => {
  const temp = useTempDir('allowlist-squid-run-')

  it('should let through listed hosts and deny look-alikes and subdomains of exact names', async () => {
    const server = createServer((_, response) => response.end('ok\n'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.1.20', resolve))
    const {port} = server.address() as AddressInfo
    const include = join(temp.path, 'allowlist.squid.conf')
    await writeFile(
      include,
      await renderFormat(overlapping, {format: 'squid', formatOptions: {httpAccess: true}}),
    )
    const hosts = [
      'example.com',
      'a.b.example.com',
      'exact.org',
      'www.exact.org',
      'sub.exact.org',
      'notexample.com',
      'example.com.evil.net',
      'npmjs.org',
    ]
    const squid = await startSquid(
      temp.path,
      include,
      hosts.map((host) => [host, '127.0.1.20'] as const),
    )
    try {
      const statuses: Record<string, number> = {}
      for (const host of hosts) statuses[host] = await squid.get(host, port)
      expect(statuses).toEqual({
        'example.com': 200,
        'a.b.example.com': 200,
        'exact.org': 200,
        'www.exact.org': 200,
        'sub.exact.org': 403,
        'notexample.com': 403,
        'example.com.evil.net': 403,
        'npmjs.org': 403,
      })
    } finally {
      await squid.stop()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
