/**
 * The squid format: overlapping names removed, both modes, the http_access snippet, and every
 * output accepted by `squid -k parse` without a warning.
 */
import {describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {squidParse} from '../support/squid.js'
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
      const check = await squidParse(temp(), output, mode, wrap)
      expect(check.problems).toEqual([])
      expect(check.status).toBe(0)
    }
  })

  it('should notice the overlap squid warns about, so the check above can fail', async () => {
    const check = await squidParse(
      temp(),
      'acl allowlist dstdomain .example.com\nacl allowlist dstdomain a.example.com\n',
      'acl',
    )
    expect(check.problems.join('\n')).toMatch(/a.example.com' is a subdomain of '.example.com'/)
  })
})
