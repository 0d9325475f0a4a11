/**
 * `adblock` output loaded into a real filter engine (Ghostery's adblocker, which reads the
 * Adblock Plus / uBlock Origin syntax) behind a rule that blocks everything, then asked which
 * requests it lets through.
 */
import {FiltersEngine, Request} from '@ghostery/adblocker'
import {describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'

const list = allowListOf([
  entry('example.com', {includesSubdomains: true}),
  entry('registry.npmjs.org'),
])

/** An engine with the rendered exceptions over a block-everything rule. */
async function engineFor(): Promise<FiltersEngine> {
  const rules = await renderFormat(list, {format: 'adblock'})
  return FiltersEngine.parse(`/.*/\n${rules}`, {loadNetworkFilters: true})
}

function allowed(engine: FiltersEngine, url: string): boolean {
  const request = Request.fromRawDetails({
    url,
    type: 'xmlhttprequest',
    sourceUrl: 'https://ci.test/',
  })
  return !engine.match(request).match
}

describe('format adblock', () => {
  it('should write ||d^ for domains and one scheme-anchored rule per scheme for exact names', async () => {
    const lines = (await renderFormat(list, {format: 'adblock'})).split('\n')
    expect(lines.filter((line) => !line.startsWith('!'))).toEqual([
      '@@||example.com^',
      '@@|http://registry.npmjs.org^',
      '@@|https://registry.npmjs.org^',
      '@@|ws://registry.npmjs.org^',
      '@@|wss://registry.npmjs.org^',
      '',
    ])
  })

  it('should load into a filter engine with every line read as a network exception', async () => {
    const rules = (await renderFormat(list, {format: 'adblock'}))
      .split('\n')
      .filter((line) => line.startsWith('@@'))
    const engine = FiltersEngine.parse(rules.join('\n'), {loadNetworkFilters: true})
    const filters = engine.getFilters().networkFilters
    expect(filters).toHaveLength(rules.length)
    expect(filters.every((filter) => filter.isException())).toBe(true)
  })

  it('should let a domain through at every depth and nothing that merely ends like it', async () => {
    const engine = await engineFor()
    expect(allowed(engine, 'https://example.com/')).toBe(true)
    expect(allowed(engine, 'https://a.b.example.com/x.js')).toBe(true)
    expect(allowed(engine, 'https://badexample.com/')).toBe(false)
    expect(allowed(engine, 'https://example.com.evil.test/')).toBe(false)
    expect(allowed(engine, 'https://other.test/')).toBe(false)
  })

  it('should let an exact name through on any scheme and port, and not its subdomains', async () => {
    const engine = await engineFor()
    expect(allowed(engine, 'https://registry.npmjs.org/left-pad')).toBe(true)
    expect(allowed(engine, 'http://registry.npmjs.org/')).toBe(true)
    expect(allowed(engine, 'wss://registry.npmjs.org/socket')).toBe(true)
    expect(allowed(engine, 'https://registry.npmjs.org:8443/x')).toBe(true)
    expect(allowed(engine, 'https://a.registry.npmjs.org/')).toBe(false)
    expect(allowed(engine, 'https://registry.npmjs.org.evil.test/')).toBe(false)
    expect(allowed(engine, 'https://evil.test/?u=https://registry.npmjs.org/')).toBe(false)
  })

  it('should write host rules for AdGuard Home with syntax dns, and a title when asked', async () => {
    const output = await renderFormat(list, {
      format: 'adblock',
      formatOptions: {syntax: 'dns', title: 'Build egress'},
    })
    expect(output.split('\n')[0]).toBe('! Title: Build egress')
    expect(output.split('\n').filter((line) => line.startsWith('@@'))).toEqual([
      '@@||example.com^',
      '@@|registry.npmjs.org^',
    ])
  })

  it.each([
    [{syntax: 'ublock'}, /option `syntax` of format `adblock`, expected `browser`, `dns`/],
    [{title: 'a\n||evil^'}, /option `title` of format `adblock`, expected printable ASCII/],
  ])('should refuse the option %j', async (formatOptions, message) => {
    await expect(renderFormat(list, {format: 'adblock', formatOptions})).rejects.toThrow(message)
  })
})
