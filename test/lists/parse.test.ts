import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {createMatcher, detectListSyntax, parseList} from '../../src/lists/index.js'
import {allowListFromRules} from '../../src/lists/to-allow-list.js'
import type {ListSyntax, ParsedList} from '../../src/lists/types.js'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {ALLOWED, LIST_FIXTURES, PROBES} from './probes.js'

const THE_LIST = allowListOf([
  entry('example.com', {includesSubdomains: true}),
  entry('foo.github.io'),
  entry('registry.npmjs.org'),
])

async function fixture(file: string): Promise<ParsedList> {
  const path = join(LIST_FIXTURES, file)
  return parseList(await readFile(path, 'utf8'), path)
}

function verdicts(list: ParsedList, names: readonly string[]): Record<string, boolean> {
  const matcher = createMatcher(list)
  return Object.fromEntries(names.map((name) => [name, matcher.decide(name).allowed]))
}

const expected = (allowed: readonly string[]): Record<string, boolean> =>
  Object.fromEntries(PROBES.map((name) => [name, allowed.includes(name)]))

describe('list parsers on the shared fixture list', () => {
  const exactSyntaxes: Array<[string, ListSyntax]> = [
    ['allowlist.txt', 'plain'],
    ['squid.conf', 'squid'],
    ['dnsmasq.conf', 'dnsmasq'],
    ['allowlist.rpz', 'rpz'],
    ['allowlist.pac', 'pac'],
  ]
  for (const [file, syntax] of exactSyntaxes) {
    it(`should detect ${file} as ${syntax} and allow exactly the list's names`, async () => {
      const list = await fixture(file)
      expect(list.syntax).toBe(syntax)
      expect(verdicts(list, PROBES)).toEqual(expected(ALLOWED))
    })

    it(`should read ${file} back as the same three entries`, async () => {
      const {entries} = allowListFromRules(await fixture(file))
      expect(entries.map(({name, includesSubdomains}) => ({name, includesSubdomains}))).toEqual([
        {name: 'example.com', includesSubdomains: true},
        {name: 'foo.github.io', includesSubdomains: false},
        {name: 'registry.npmjs.org', includesSubdomains: false},
      ])
    })
  }

  it('should read unbound zones as covering their subdomains, as Unbound does', async () => {
    const list = await fixture('unbound.conf')
    expect(list.syntax).toBe('unbound')
    expect(verdicts(list, PROBES)).toEqual(
      expected([...ALLOWED, 'x.registry.npmjs.org', 'x.foo.github.io']),
    )
  })

  it('should read hosts names as exact names only', async () => {
    const list = await fixture('hosts')
    expect(list.syntax).toBe('hosts')
    expect(verdicts(list, PROBES)).toEqual(
      expected(['example.com', 'registry.npmjs.org', 'foo.github.io']),
    )
  })

  // What each renderer's output allows, read back: the formats that can say "exact" keep the
  // list as it is; Unbound zones and hosts lines cannot, and say so in their own docs.
  const renderedAllows: Record<ListSyntax, readonly string[]> = {
    plain: ALLOWED,
    json: ALLOWED,
    squid: ALLOWED,
    dnsmasq: ALLOWED,
    rpz: ALLOWED,
    pac: ALLOWED,
    adblock: ALLOWED,
    haproxy: ALLOWED,
    unbound: [...ALLOWED, 'x.registry.npmjs.org', 'x.foo.github.io'],
    hosts: ['example.com', 'registry.npmjs.org', 'foo.github.io'],
  }
  for (const [format, allowed] of Object.entries(renderedAllows) as Array<
    [ListSyntax, readonly string[]]
  >) {
    it(`should read the ${format} renderer's output back to what that format allows`, async () => {
      const text = await renderFormat(THE_LIST, {format})
      expect(detectListSyntax(`out.${format}`, text)).toBe(format === 'hosts' ? 'plain' : format)
      expect(verdicts(parseList(text, `out.${format}`, format), PROBES)).toEqual(expected(allowed))
    })
  }
})

describe('parseList edge cases', () => {
  it('should name the file and line of a plain line that is not a hostname', () => {
    expect(() => parseList('ok.example\n\nbad name\n', 'list.txt', 'plain')).toThrow(
      'list.txt:3: Unexpected `bad name`, expected a hostname',
    )
  })

  it('should normalise case and a trailing dot', () => {
    expect(parseList('.Example.COM.\n', 'l.txt', 'plain').rules).toEqual([
      {name: 'example.com', scope: 'subtree', allow: true, line: 1},
    ])
  })

  it('should let a more specific dnsmasq denial win and refuse everything under address=/#/', () => {
    const list = parseList(
      'server=/example.com/1.1.1.1\naddress=/ads.example.com/\naddress=/#/\n',
      'd.conf',
      'dnsmasq',
    )
    expect(
      verdicts(list, [
        'example.com',
        'x.example.com',
        'ads.example.com',
        'a.ads.example.com',
        'other.net',
      ]),
    ).toEqual({
      'example.com': true,
      'x.example.com': true,
      'ads.example.com': false,
      'a.ads.example.com': false,
      'other.net': false,
    })
  })

  it('should treat dnsmasq without no-resolv as forwarding unlisted names', () => {
    const list = parseList('server=/example.com/1.1.1.1\n', 'd.conf', 'dnsmasq')
    expect(createMatcher(list).decide('other.net').allowed).toBe(true)
  })

  it('should reject a dnsmasq pattern that matches unrelated names', () => {
    expect(() => parseList('server=/*example.com/1.1.1.1\n', 'd.conf', 'dnsmasq')).toThrow(
      /^d\.conf:1: Unexpected pattern `\*example\.com`/,
    )
  })

  it('should read RPZ owners relative to $ORIGIN and skip IP triggers', () => {
    const list = parseList(
      '$ORIGIN rpz.\nwww.example.com.rpz. CNAME rpz-passthru.\n32.1.2.0.10.rpz-ip CNAME .\n',
      'z.rpz',
      'rpz',
    )
    expect(list.rules).toEqual([{name: 'www.example.com', scope: 'name', allow: true, line: 2}])
  })

  it('should refuse a squid ACL that includes another file', () => {
    expect(() => parseList('acl a dstdomain "/etc/squid/list"\n', 's.conf', 'squid')).toThrow(
      's.conf:1: Unexpected included file "/etc/squid/list"',
    )
  })

  it('should reject a json document of another schema', () => {
    expect(() => parseList('{"schema": "allowlist-graph/1"}', 'g.json', 'json')).toThrow(
      'g.json: Unexpected schema `"allowlist-graph/1"`, expected `allowlist-list/1`',
    )
  })

  it('should read PAC keys only from allowlistNames and name a line it cannot read', () => {
    const pac =
      'var allowlistNames = {\n  "a.example": true,\n  "b.example": maybe\n};\nfunction FindProxyForURL(u, h) {}\n'
    expect(() => parseList(pac, 'x.pac')).toThrow(
      'x.pac:3: Unexpected `"b.example": maybe`, expected `"name": true` or `"name": false`',
    )
    expect(() => parseList('function FindProxyForURL(u, h) { return "DIRECT" }', 'y.pac')).toThrow(
      'y.pac:1: Unexpected file without `var allowlistNames = {…}`',
    )
  })

  it('should reject a json entry whose sources are not hostnames', () => {
    const document = JSON.stringify({
      schema: 'allowlist-list/1',
      meta: {},
      entries: [
        {name: 'example.com', includesSubdomains: true, sources: ['a.example.com\u001b[2J']},
      ],
    })
    expect(() => parseList(document, 'l.json')).toThrow(
      /^l\.json: Unexpected entry 1 .*expected `name` \(a hostname\), `includesSubdomains` and `sources` \(hostnames\)$/,
    )
  })

  it("should read the adblock renderer's DNS syntax back to the same list", async () => {
    const text = await renderFormat(THE_LIST, {format: 'adblock', formatOptions: {syntax: 'dns'}})
    expect(verdicts(parseList(text, 'dns.txt'), PROBES)).toEqual(expected(ALLOWED))
  })

  it('should refuse adblock exceptions narrower than a name and haproxy suffixes without a dot', () => {
    expect(() => parseList('@@||example.com^$script\n', 'a.txt', 'adblock')).toThrow(
      'a.txt:1: Unexpected rule `@@||example.com^$script`',
    )
    expect(() =>
      parseList('acl a req.ssl_sni -i -m end example.com\n', 'h.cfg', 'haproxy'),
    ).toThrow('h.cfg:1: Unexpected `-m end example.com`, expected `-m str name` or `-m end .name`')
  })

  it('should fall back to plain for a file with nothing distinctive', () => {
    expect(detectListSyntax('list', '.example.com\n')).toBe('plain')
    expect(detectListSyntax('x.pac', '')).toBe('pac')
  })

  it('should report an exact rule and a blocked name with no rule', () => {
    const matcher = createMatcher(parseList('a.example.com\n', 'l.txt', 'plain'))
    expect(matcher.decide('a.example.com').rule?.line).toBe(1)
    expect(matcher.decide('b.a.example.com')).toEqual({allowed: false, rule: undefined})
  })
})
