/**
 * The pac format: one table of hosts and expected results drives both pactester (libpacparser's
 * ES3 engine) and Node's `vm`, so the label walk is proven in two JavaScript engines.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {runInNewContext} from 'node:vm'
import {beforeAll, describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {runProgram} from '../support/run-program.js'
import {useTempDir} from '../support/temp-dir.js'

const list = allowListOf([
  entry('example.com', {includesSubdomains: true}),
  entry('exact.org'),
  entry('deep.exact.org'),
  entry('foo.github.io', {includesSubdomains: true}),
  entry('constructor.net'),
])

const ALLOWED = 'PROXY proxy.internal:3128; DIRECT'
const BLOCKED = 'PROXY 127.0.0.1:9'

/** [host as the browser passes it, expected result]. */
const cases: [string, string][] = [
  ['example.com', ALLOWED],
  ['www.example.com', ALLOWED],
  ['a.b.c.example.com', ALLOWED],
  ['WWW.Example.COM', ALLOWED],
  ['www.example.com.', ALLOWED],
  ['example.com.evil.net', BLOCKED],
  ['notexample.com', BLOCKED],
  ['com', BLOCKED],
  ['exact.org', ALLOWED],
  ['Exact.Org.', ALLOWED],
  ['sub.exact.org', BLOCKED],
  ['deep.exact.org', ALLOWED],
  ['x.deep.exact.org', BLOCKED],
  ['foo.github.io', ALLOWED],
  ['bar.github.io', BLOCKED],
  ['github.io', BLOCKED],
  ['unlisted.net', BLOCKED],
  ['intranet', BLOCKED],
  ['constructor', BLOCKED],
  ['hasownproperty', BLOCKED],
  ['192.0.2.1', BLOCKED],
  ['2001:db8::1', BLOCKED],
  ['', BLOCKED],
]

describe('pac format', () => {
  const temp = useTempDir('allowlist-pac-')
  let pac: string
  beforeAll(async () => {
    pac = await renderFormat(list, {format: 'pac', formatOptions: {allowed: ALLOWED}})
  })

  it.each(cases)('should give %j the expected result in node:vm', (host, expected) => {
    const context = {url: `http://${host}/`, host}
    expect(runInNewContext(`${pac}\nFindProxyForURL(url, host)`, context)).toBe(expected)
  })

  it('should give every host the same result in pactester', async () => {
    const path = join(temp.path, 'allowlist.pac')
    await writeFile(path, pac)
    const results = cases
      .filter(([host]) => host !== '')
      .map(([host]) => {
        const url = host.includes(':') ? `http://[${host}]/` : `http://${host}/`
        const {status, output} = runProgram('pactester', 'libpacparser1', [
          '-p',
          path,
          '-u',
          url,
          '-h',
          host,
        ])
        expect(status, output).toBe(0)
        return [host, output.trim()]
      })
    expect(results).toEqual(cases.filter(([host]) => host !== ''))
  })

  it('should use the blackhole proxy and DIRECT by default', async () => {
    const output = await renderFormat(list, {format: 'pac'})
    expect(runInNewContext(`${output}\nFindProxyForURL('', 'exact.org')`)).toBe('DIRECT')
    expect(runInNewContext(`${output}\nFindProxyForURL('', 'other.org')`)).toBe(BLOCKED)
  })

  it('should load an empty list in pactester and block everything', async () => {
    const path = join(temp.path, 'empty.pac')
    await writeFile(path, await renderFormat(allowListOf([]), {format: 'pac'}))
    const {status, output} = runProgram('pactester', 'libpacparser1', [
      '-p',
      path,
      '-u',
      'http://example.com/',
    ])
    expect(status).toBe(0)
    expect(output.trim()).toBe(BLOCKED)
  })

  it.each([
    [{allowed: 'DIRECT"; alert(1); "'}, /option `allowed`/],
    [{blocked: 'PROXY a b:1'}, /option `blocked`/],
    [{allowed: 'direct'}, /option `allowed`/],
    [{proxy: 'x'}, /option `proxy`/],
  ])('should reject the options %j', async (formatOptions, message) => {
    await expect(renderFormat(list, {format: 'pac', formatOptions})).rejects.toThrow(message)
  })

  it('should keep the lookup table an object literal without a trailing comma', () => {
    expect(pac).toContain('  "exact.org": false,\n')
    expect(pac).toMatch(/"foo\.github\.io": true\n\};/)
  })
})
