/**
 * One suite every built-in format passes, whatever its syntax: empty lists, final newline,
 * byte-identical output across runs and entry orders, IDN names as punycode, hostile names refused.
 * Each format's own test proves its output against the real consumer.
 */
import {describe, expect, it} from 'vitest'
import {builtinFormats} from '../../src/render/formats/index.js'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'

const sample = [
  entry('example.com', {
    includesSubdomains: true,
    addresses: {v4: ['192.0.2.1'], v6: ['2001:db8::1']},
  }),
  entry('xn--bcher-kva.example.org', {addresses: {v4: ['192.0.2.2'], v6: []}}),
  entry('registry.npmjs.org', {addresses: {v4: ['104.16.3.35'], v6: ['2606:4700::6810:323']}}),
  entry('foo.github.io', {includesSubdomains: true}),
]

/** Names that overlap in every way policy might let through: same name twice, exact and wide. */
const overlapping = [
  entry('example.com'),
  entry('example.com', {includesSubdomains: true}),
  entry('a.example.com', {addresses: {v4: ['192.0.2.3'], v6: []}}),
  entry('b.a.example.com', {includesSubdomains: true}),
  entry('exact.org'),
  entry('exact.org'),
  entry('www.exact.org'),
]

/** Formats that dump entries as data rather than configure a consumer; duplicates stay visible. */
const dataFormats = new Set(['json'])

describe.each([...builtinFormats.keys()])('format %s', (format) => {
  it('should render an empty list to an empty file or one ending in a newline', async () => {
    const output = await renderFormat(allowListOf([]), {format})
    expect(output === '' || output.endsWith('\n')).toBe(true)
    expect(output).not.toContain('\r')
  })

  it('should be byte-identical across runs and entry orders', async () => {
    const first = await renderFormat(allowListOf(sample), {format})
    const again = await renderFormat(allowListOf(sample), {format})
    const reversed = await renderFormat(allowListOf([...sample].reverse()), {format})
    expect(again).toBe(first)
    expect(reversed).toBe(first)
    expect(first.endsWith('\n')).toBe(true)
  })

  it('should render overlapping names independent of their order', async () => {
    const output = await renderFormat(allowListOf(overlapping), {format})
    expect(await renderFormat(allowListOf([...overlapping].reverse()), {format})).toBe(output)
    expect(output).toContain('example.com')
  })

  if (!dataFormats.has(format)) {
    it('should render a repeated entry as if it were listed once', async () => {
      const once = allowListOf(sample)
      const twice = {...once, entries: [...sample, ...sample]}
      expect(await renderFormat(twice, {format})).toBe(await renderFormat(once, {format}))
    })
  }

  it('should carry IDN names as punycode only', async () => {
    const output = await renderFormat(allowListOf(sample), {format})
    expect(output).toContain('xn--bcher-kva.example.org')
    expect(output).not.toContain('bücher')
  })

  it.each([
    'evil.com\nhttp_access allow all',
    'a";b.com',
    'x}.com',
    '*.example.com',
    'bücher.example',
  ])('should refuse the non-hostname %j', async (name) => {
    await expect(renderFormat(allowListOf([entry(name)]), {format})).rejects.toThrow(TypeError)
  })
})
