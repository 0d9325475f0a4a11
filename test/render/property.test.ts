/**
 * Injection-proof and consumer-proof properties. Arbitrary strings as entry names never reach any
 * output (renderFormat refuses whatever is not a hostname); arbitrary valid lists (random labels,
 * `_` service labels, IDN punycode, overlaps, exact/subdomain mixes, odd addresses) always pass
 * the real validators, render the same whatever their order, and route PAC lookups exactly as
 * the list says. Runs are bounded so the suite stays fast.
 */
import {domainToASCII} from 'node:url'
import {runInNewContext} from 'node:vm'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {Entry} from '../../src/graph/entry.js'
import {isHostname} from '../../src/graph/hostname.js'
import {builtinFormats} from '../../src/render/formats/index.js'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {useTempDir} from '../support/temp-dir.js'
import {validators} from '../support/validators.js'

const formats = [...builtinFormats.keys()]

/** Strings built to break configs: quotes, newlines, separators, wildcards, unicode, length. */
const hostileName = fc.oneof(
  fc.string({unit: 'binary', maxLength: 40}),
  fc.string({
    unit: fc.constantFrom('a', '.', '-', '_', '*', '"', "'", ';', '}', '#', '\n', ' ', 'ü', '/'),
    maxLength: 30,
  }),
  fc
    .constantFrom('"', '\n', ';', '}', '#', '*', '\r', '\0', ' ', '/', '$', '`')
    .map((bad) => `evil${bad}.example.com`),
  fc.stringMatching(/^[a-z]{1,70}$/).map((label) => `${label}.com`),
  fc.integer({min: 250, max: 400}).map((length) => 'a.'.repeat(length / 2) + 'com'),
)

const ldhLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/)
const idnLabel = fc
  .string({
    unit: fc.constantFrom('ü', 'ß', 'é', '中', 'я', 'ñ', 'a', 'b'),
    minLength: 1,
    maxLength: 6,
  })
  .map((text) => domainToASCII(`${text}.test`).split('.')[0] ?? '')
  .filter((label) => label.length > 0 && label.length <= 63)
const innerLabel = fc.oneof(
  {weight: 5, arbitrary: ldhLabel},
  {weight: 1, arbitrary: idnLabel},
  {weight: 1, arbitrary: fc.constantFrom('_acme-challenge', '_dmarc', 'www')},
)
const topLevel = fc.constantFrom('com', 'org', 'net', 'io', 'co.uk', 'xn--p1ai', 'github.io')

/** A list whose names share a few base domains, so overlaps of every kind come up. */
const validList = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof(ldhLabel, idnLabel), topLevel), {minLength: 1, maxLength: 3}),
    fc.array(
      fc.record({
        sub: fc.array(innerLabel, {maxLength: 2}),
        base: fc.nat(),
        includesSubdomains: fc.boolean(),
        cnameTarget: fc.boolean(),
        v4: fc.array(fc.ipV4(), {maxLength: 2}),
        v6: fc.array(fc.ipV6(), {maxLength: 2}),
      }),
      {maxLength: 12},
    ),
  )
  .map(([bases, picks]) =>
    picks
      .map((pick): Entry => {
        const [label, tld] = bases[pick.base % bases.length] as [string, string]
        const name = [...pick.sub, label, tld].join('.')
        return entry(name, {
          includesSubdomains: pick.includesSubdomains,
          cnameTarget: pick.cnameTarget,
          addresses: {v4: pick.v4, v6: pick.v6},
        })
      })
      .filter((item) => isHostname(item.name)),
  )

/** Option sets that switch on every optional part of each format. */
const richOptions: Record<string, Record<string, unknown>> = {
  squid: {httpAccess: true},
  nftables: {chain: 'output'},
  dnsmasq: {nftset: true, ipset: true, upstream: ['127.0.2.1#5353', '::1']},
  pac: {allowed: 'PROXY proxy.internal:3128; DIRECT'},
  cilium: {name: 'build-egress', namespace: 'ci', subdomains: 'single-level'},
  'harden-runner': {ports: '80,443', uses: 'step-security/harden-runner@v2.10.1'},
  adblock: {title: 'Build egress'},
  haproxy: {acl: 'egress.ok'},
}

describe('rendering arbitrary input', () => {
  const temp = useTempDir('allowlist-property-')

  it('should refuse every non-hostname and carry every hostname, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, async (name) => {
        for (const format of formats) {
          // An address too, so formats that write addresses (nftables) name the entry as well.
          const hostile = entry(name, {addresses: {v4: ['192.0.2.1'], v6: []}})
          const rendering = renderFormat(allowListOf([entry('ok.example.com'), hostile]), {
            format,
          })
          if (isHostname(name)) expect(await rendering).toContain(name)
          else await expect(rendering).rejects.toThrow(TypeError)
        }
      }),
      {numRuns: 150},
    )
  })

  it('should pass every real validator, with default and rich options', async () => {
    await fc.assert(
      fc.asyncProperty(validList, fc.boolean(), async (entries, rich) => {
        for (const [format, validate] of Object.entries(validators)) {
          const formatOptions = rich ? (richOptions[format] ?? {}) : {}
          const output = await renderFormat(allowListOf(entries), {format, formatOptions})
          const verdict = await validate(temp.path, output)
          expect(verdict.ok, `${format}:\n${verdict.output}\n--- rendered:\n${output}`).toBe(true)
        }
      }),
      {numRuns: 25},
    )
  })

  it('should render byte-identical output whatever the order of entries', async () => {
    const shuffled = validList.chain((entries) =>
      fc.tuple(
        fc.constant(entries),
        fc.shuffledSubarray(entries, {minLength: entries.length, maxLength: entries.length}),
      ),
    )
    await fc.assert(
      fc.asyncProperty(shuffled, async ([entries, reordered]) => {
        for (const format of formats) {
          const first = await renderFormat(allowListOf(entries), {format})
          const meta = allowListOf(entries).meta
          expect(await renderFormat({entries: reordered, meta}, {format})).toBe(first)
        }
      }),
      {numRuns: 60},
    )
  })

  it('should route every PAC lookup as the list says', async () => {
    const hostFor = fc.tuple(
      fc.nat(),
      fc.constantFrom('', 'x.', 'a.b.'),
      fc.constantFrom('', '.evil.net', '.'),
    )
    await fc.assert(
      fc.asyncProperty(
        validList,
        fc.array(hostFor, {minLength: 1, maxLength: 8}),
        async (entries, picks) => {
          if (entries.length === 0) return
          const pac = await renderFormat(allowListOf(entries), {format: 'pac'})
          for (const [index, prefix, suffix] of picks) {
            const name = (entries[index % entries.length] as Entry).name
            const host = `${prefix}${name}${suffix}`
            const bare = host.endsWith('.') ? host.slice(0, -1) : host
            const allowed = entries.some(
              (item) =>
                bare === item.name || (item.includesSubdomains && bare.endsWith(`.${item.name}`)),
            )
            const result = runInNewContext(`${pac}\nFindProxyForURL(url, host)`, {
              url: `http://${host}/`,
              host,
            })
            expect(result, host).toBe(allowed ? 'DIRECT' : 'PROXY 127.0.0.1:9')
          }
        },
      ),
      {numRuns: 100},
    )
  })
})
