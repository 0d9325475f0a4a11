import {describe, expect, it} from 'vitest'
import collapse, {type CollapseMode} from '../../src/policy/collapse.js'
import subsumed from '../../src/policy/subsumed.js'
import {buildGraph} from '../support/graph.js'
import {runRule} from '../support/policy.js'

/** Name in → entry per mode, written as a list line: `.domain` when subdomains are included. */
const table: Array<[name: string, exact: string, registrable: string, auto: string]> = [
  ['registry.npmjs.org', 'registry.npmjs.org', '.npmjs.org', '.npmjs.org'],
  ['nodejs.org', 'nodejs.org', '.nodejs.org', '.nodejs.org'],
  ['a.b.deep.co.uk', 'a.b.deep.co.uk', '.deep.co.uk', '.deep.co.uk'],
  ['shop.example.com.au', 'shop.example.com.au', '.example.com.au', '.example.com.au'],
  ['www.gov.uk', 'www.gov.uk', '.www.gov.uk', '.www.gov.uk'],
  [
    'assets.service.gov.uk',
    'assets.service.gov.uk',
    '.assets.service.gov.uk',
    // `service.gov.uk` is in the private section: one tenant per service.
    'assets.service.gov.uk',
  ],
  [
    'bucket1.s3.amazonaws.com',
    'bucket1.s3.amazonaws.com',
    '.bucket1.s3.amazonaws.com',
    'bucket1.s3.amazonaws.com',
  ],
  [
    'x.bucket1.s3.amazonaws.com',
    'x.bucket1.s3.amazonaws.com',
    '.bucket1.s3.amazonaws.com',
    'x.bucket1.s3.amazonaws.com',
  ],
  ['foo.github.io', 'foo.github.io', '.foo.github.io', 'foo.github.io'],
  ['myapp.herokuapp.com', 'myapp.herokuapp.com', '.myapp.herokuapp.com', 'myapp.herokuapp.com'],
  [
    'someblog.blogspot.com',
    'someblog.blogspot.com',
    '.someblog.blogspot.com',
    'someblog.blogspot.com',
  ],
  ['bar.foo.ck', 'bar.foo.ck', '.bar.foo.ck', '.bar.foo.ck'],
  ['a.bar.foo.ck', 'a.bar.foo.ck', '.bar.foo.ck', '.bar.foo.ck'],
  ['www.ck', 'www.ck', '.www.ck', '.www.ck'],
  ['a.www.ck', 'a.www.ck', '.www.ck', '.www.ck'],
  // 例子.公司.cn: `公司.cn` is an ICANN suffix, written in punycode as names are.
  [
    'www.xn--fsqu00a.xn--55qx5d.cn',
    'www.xn--fsqu00a.xn--55qx5d.cn',
    '.xn--fsqu00a.xn--55qx5d.cn',
    '.xn--fsqu00a.xn--55qx5d.cn',
  ],
  ['xn--bcher-kva.de', 'xn--bcher-kva.de', '.xn--bcher-kva.de', '.xn--bcher-kva.de'],
]

function entryLine(name: string, mode: CollapseMode): string {
  const tree = buildGraph({name})
  const decision = runRule(collapse, {collapse: mode}, tree).decisions[name]
  return (decision?.includesSubdomains ? '.' : '') + (decision?.entry ?? '')
}

describe('allowlist:collapse', () => {
  for (const [name, exact, registrable, auto] of table) {
    it(`should map \`${name}\` per mode`, () => {
      expect({
        exact: entryLine(name, 'exact'),
        registrable: entryLine(name, 'registrable'),
        auto: entryLine(name, 'auto'),
      }).toEqual({exact, registrable, auto})
    })
  }

  it('should report rewrites as infos and exact names silently', () => {
    const tree = buildGraph({name: 'registry.npmjs.org'}, {name: 'foo.github.io'})
    const {messages, file} = runRule(collapse, {collapse: 'auto'}, tree)
    expect(messages).toEqual([
      '1:1: Collapsed `registry.npmjs.org` into `.npmjs.org` (registrable domain)',
      '2:1: Kept `foo.github.io` exact under private-section suffix `github.io`',
    ])
    expect(file.messages.map((message) => message.fatal)).toEqual([undefined, undefined])
    const exact = runRule(collapse, {collapse: 'exact'}, buildGraph({name: 'a.example.com'}))
    expect(exact.messages).toEqual([])
  })

  it('should keep names exact under configured multi-tenant suffixes in auto mode', () => {
    const tree = buildGraph({name: 'team1.apps.example.net'}, {name: 'www.example.net'})
    const {decisions} = runRule(
      collapse,
      {collapse: 'auto', multiTenant: ['apps.example.net']},
      tree,
    )
    expect(decisions['team1.apps.example.net']).toMatchObject({
      entry: 'team1.apps.example.net',
      includesSubdomains: false,
      reason: 'Kept `team1.apps.example.net` exact under multi-tenant suffix `apps.example.net`',
    })
    expect(decisions['www.example.net']).toMatchObject({
      entry: 'example.net',
      includesSubdomains: true,
    })
  })

  it('should keep CNAME targets exact', () => {
    const tree = buildGraph(
      {name: 'cdn.jsdelivr.net', cnameTo: ['jsdelivr.map.fastly.net']},
      {name: 'jsdelivr.map.fastly.net', queries: 0},
      {name: 'e1.dscb.akamaiedge.net', queries: 0},
      {name: 'packages.microsoft.com', cnameTo: ['e1.dscb.akamaiedge.net']},
    )
    const {decisions, messages} = runRule(collapse, undefined, tree)
    expect(decisions['e1.dscb.akamaiedge.net']).toMatchObject({
      entry: 'e1.dscb.akamaiedge.net',
      includesSubdomains: false,
    })
    expect(messages).toContain('3:1: Kept CNAME target `e1.dscb.akamaiedge.net` exact')
  })

  it('should keep names matching `keep` exact', () => {
    const tree = buildGraph({name: 'registry.npmjs.org'})
    const {decisions} = runRule(collapse, {keep: ['*.npmjs.org']}, tree)
    expect(decisions['registry.npmjs.org']).toMatchObject({
      entry: 'registry.npmjs.org',
      includesSubdomains: false,
      reason: 'Kept `registry.npmjs.org` exact by `keep` pattern `*.npmjs.org`',
    })
  })

  it('should not collapse onto a domain an exclude pattern reaches into', () => {
    const tree = buildGraph({name: 'www.example.com'})
    const {decisions} = runRule(collapse, {exclude: ['telemetry.example.com']}, tree)
    expect(decisions['www.example.com']).toMatchObject({
      entry: 'www.example.com',
      includesSubdomains: false,
      reason:
        'Kept `www.example.com` exact: `exclude` pattern `telemetry.example.com` lies under `.example.com`',
    })
  })

  it('should throw on an unknown mode, naming the option', () => {
    expect(() => runRule(collapse, {collapse: 'wide' as 'exact'}, buildGraph())).toThrowError(
      'collapse: Unexpected value `wide`, expected `exact`, `registrable` or `auto`',
    )
  })
})

describe('allowlist:subsumed', () => {
  it('should map names under a wide entry to it', () => {
    const tree = buildGraph(
      {name: 'example.com'},
      {name: 'a.example.com'},
      {name: 'b.a.example.com'},
    )
    runRule(collapse, {keep: ['a.example.com', 'b.a.example.com'], collapse: 'registrable'}, tree)
    const {decisions, messages} = runRule(subsumed, undefined, tree)
    expect(messages).toEqual([
      '2:1: Subsumed `a.example.com` by `.example.com`',
      '3:1: Subsumed `b.a.example.com` by `.example.com`',
    ])
    expect(Object.values(decisions).map((decision) => decision.entry)).toEqual([
      'example.com',
      'example.com',
      'example.com',
    ])
  })

  it('should leave unrelated entries alone', () => {
    const tree = buildGraph({name: 'a.example.com'}, {name: 'b.example.com'})
    runRule(collapse, {collapse: 'exact'}, tree)
    expect(runRule(subsumed, undefined, tree).messages).toEqual([])
  })
})
