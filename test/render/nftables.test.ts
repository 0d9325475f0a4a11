/**
 * The nftables format: sets from observed addresses in numeric order, configurable names, the
 * optional drop chain, and every output checked by `nft -c` and loaded twice for real in a fresh
 * user+network namespace (so no rule ever touches the host).
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {useTempDir} from '../support/temp-dir.js'
import {nftInNamespace} from '../support/validators.js'

const list = allowListOf([
  entry('example.com', {
    includesSubdomains: true,
    addresses: {v4: ['192.0.2.10', '192.0.2.9'], v6: ['2001:db8::10', '2001:DB8::9']},
  }),
  entry('cdn.example.net', {cnameTarget: true, addresses: {v4: ['192.0.2.9', '10.0.0.1'], v6: []}}),
  entry('nothing-seen.org'),
])

describe('nftables format', () => {
  const temp = useTempDir('allowlist-nft-')

  it('should put every address once, in numeric order, into the two sets', async () => {
    const output = await renderFormat(list, {format: 'nftables'})
    expect(output.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'table inet allowlist',
      'delete table inet allowlist',
      'table inet allowlist {',
      '\tset allow_v4 {',
      '\t\ttype ipv4_addr',
      '\t\tflags interval',
      '\t\tauto-merge',
      '\t\telements = {',
      '\t\t\t10.0.0.1, # cdn.example.net',
      '\t\t\t192.0.2.9, # cdn.example.net example.com',
      '\t\t\t192.0.2.10, # example.com',
      '\t\t}',
      '\t}',
      '\tset allow_v6 {',
      '\t\ttype ipv6_addr',
      '\t\tflags interval',
      '\t\tauto-merge',
      '\t\telements = {',
      '\t\t\t2001:db8::9, # example.com',
      '\t\t\t2001:db8::10, # example.com',
      '\t\t}',
      '\t}',
      '}',
      '',
    ])
  })

  it.each([
    [{table: 'allow list'}, /option `table`/],
    [{setV4: '1set'}, /option `setV4`/],
    [{chain: 'input'}, /option `chain`/],
  ])('should reject the options %j', async (formatOptions, message) => {
    await expect(renderFormat(list, {format: 'nftables', formatOptions})).rejects.toThrow(message)
  })

  it('should accept loopback and DNS only in an output chain', async () => {
    const chainOf = async (chain: string) => {
      const output = await renderFormat(list, {format: 'nftables', formatOptions: {chain}})
      return output
        .slice(output.indexOf(`\tchain ${chain} {`))
        .split('\n')
        .slice(0, 8)
    }
    expect(await chainOf('output')).toEqual([
      '\tchain output {',
      '\t\ttype filter hook output priority filter; policy drop;',
      '\t\tct state established,related accept',
      '\t\toifname "lo" accept',
      '\t\tmeta l4proto { tcp, udp } th dport 53 accept',
      '\t\tip daddr @allow_v4 accept',
      '\t\tip6 daddr @allow_v6 accept',
      '\t}',
    ])
    expect((await chainOf('forward')).slice(0, 6)).toEqual([
      '\tchain forward {',
      '\t\ttype filter hook forward priority filter; policy drop;',
      '\t\tct state established,related accept',
      '\t\tip daddr @allow_v4 accept',
      '\t\tip6 daddr @allow_v6 accept',
      '\t}',
    ])
  })

  it('should name at most four entries per address', async () => {
    const shared = {addresses: {v4: ['192.0.2.1'], v6: []}}
    const many = allowListOf(
      ['a.org', 'b.org', 'c.org', 'd.org', 'e.org', 'f.org'].map((name) => entry(name, shared)),
    )
    expect(await renderFormat(many, {format: 'nftables'})).toContain(
      '\t\t\t192.0.2.1, # a.org b.org c.org d.org and 2 more\n',
    )
  })

  it('should refuse an entry address that is not an IP literal', async () => {
    const bad = allowListOf([entry('a.org', {addresses: {v4: ['1.2.3.4 }'], v6: []}})])
    await expect(renderFormat(bad, {format: 'nftables'})).rejects.toThrow(TypeError)
  })

  it.each([
    ['the defaults', list, {}],
    ['an empty list', allowListOf([]), {}],
    ['an output chain and other names', list, {chain: 'output', table: 'egress', setV4: 'v4'}],
    ['a forward chain and an empty list', allowListOf([]), {chain: 'forward'}],
  ])('should pass nft -c and load twice with %s', async (_, allowList, formatOptions) => {
    const path = join(temp.path, 'allowlist.nft')
    await writeFile(path, await renderFormat(allowList, {format: 'nftables', formatOptions}))
    const check = nftInNamespace(`nft -c -f "${path}"`)
    expect(check.output).toBe('')
    expect(check.status).toBe(0)
    const load = nftInNamespace(`nft -f "${path}" && nft -f "${path}" && nft -j list ruleset`)
    expect(load.status).toBe(0)
    const tables = JSON.parse(load.output).nftables.filter(
      (item: {table?: unknown}) => item.table !== undefined,
    )
    expect(tables).toHaveLength(1)
  })

  it('should hold the rendered addresses once loaded', async () => {
    const path = join(temp.path, 'allowlist.nft')
    await writeFile(path, await renderFormat(list, {format: 'nftables'}))
    const load = nftInNamespace(`nft -f "${path}" && nft list set inet allowlist allow_v4`)
    expect(load.status).toBe(0)
    expect(load.output).toMatch(/elements = \{ 10\.0\.0\.1, 192\.0\.2\.9-192\.0\.2\.10 \}/)
  })
})
