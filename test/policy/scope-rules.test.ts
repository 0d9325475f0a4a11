import {describe, expect, it} from 'vitest'
import clients from '../../src/policy/clients.js'
import cnameTargets from '../../src/policy/cname-targets.js'
import exclude from '../../src/policy/exclude.js'
import include from '../../src/policy/include.js'
import minRuns from '../../src/policy/min-runs.js'
import queryType from '../../src/policy/query-type.js'
import {findNode} from '../../src/graph/tree.js'
import {buildGraph} from '../support/graph.js'
import {runRule} from '../support/policy.js'

describe('allowlist:exclude', () => {
  it('should drop names matching exact, `*.` and `.` patterns', () => {
    const tree = buildGraph(
      {name: 'telemetry.example.com'},
      {name: 'a.tracker.net'},
      {name: 'tracker.net'},
      {name: 'ads.org'},
      {name: 'x.ads.org'},
      {name: 'kept.example.com'},
    )
    const {decisions, messages} = runRule(
      exclude,
      {exclude: ['telemetry.example.com', '*.tracker.net', '.ads.org']},
      tree,
    )
    expect(messages).toEqual([
      '1:1: Unexpected name `telemetry.example.com` matching `exclude` pattern `telemetry.example.com`, expected no excluded name',
      '2:1: Unexpected name `a.tracker.net` matching `exclude` pattern `*.tracker.net`, expected no excluded name',
      '4:1: Unexpected name `ads.org` matching `exclude` pattern `.ads.org`, expected no excluded name',
      '5:1: Unexpected name `x.ads.org` matching `exclude` pattern `.ads.org`, expected no excluded name',
    ])
    expect(Object.keys(decisions).sort()).toEqual([
      'a.tracker.net',
      'ads.org',
      'telemetry.example.com',
      'x.ads.org',
    ])
  })
})

describe('allowlist:include', () => {
  it('should pin matching names and add unobserved exact and `.` patterns', () => {
    const tree = buildGraph({name: 'mirror.example.com', outcome: 'nxdomain'}, {name: 'other.org'})
    const {decisions, messages} = runRule(
      include,
      {include: ['*.example.com', 'never-seen.example.net', '.wide.example.org']},
      tree,
    )
    expect(decisions).toEqual({
      'mirror.example.com': {
        kept: true,
        pinned: true,
        ruleId: 'include',
        reason: 'Included `mirror.example.com` by `include` pattern `*.example.com`',
      },
    })
    expect(findNode(tree, 'never-seen.example.net')?.data?.decision).toEqual({
      kept: true,
      pinned: true,
      ruleId: 'include',
      entry: 'never-seen.example.net',
      includesSubdomains: false,
      reason: 'Added `never-seen.example.net` from `include`, never observed',
    })
    expect(findNode(tree, 'wide.example.org')?.data?.decision?.includesSubdomains).toBe(true)
    expect(messages).toEqual([
      '1:1: Added `never-seen.example.net` from `include`, never observed',
      '1:1: Added `.wide.example.org` from `include`, never observed',
      '1:1: Included `mirror.example.com` by `include` pattern `*.example.com`',
    ])
  })

  it('should not widen an included domain over an excluded name', () => {
    const tree = buildGraph()
    runRule(include, {include: ['.example.org'], exclude: ['secret.example.org']}, tree)
    expect(findNode(tree, 'example.org')?.data?.decision?.includesSubdomains).toBe(false)
  })
})

describe('allowlist:cname-targets', () => {
  it('should omit names seen only as CNAME targets, with an info', () => {
    const tree = buildGraph(
      {name: 'cdn.jsdelivr.net', cnameTo: ['jsdelivr.map.fastly.net']},
      {name: 'jsdelivr.map.fastly.net', queries: 0},
      {name: 'asked.fastly.net'},
    )
    const {decisions, messages, file} = runRule(cnameTargets, undefined, tree)
    expect(messages).toEqual([
      '2:1: Omitted CNAME target `jsdelivr.map.fastly.net` of `cdn.jsdelivr.net`, reached through its alias (`cnameTargets: omit`)',
    ])
    expect(file.messages[0]?.fatal).toBeUndefined()
    expect(Object.keys(decisions)).toEqual(['jsdelivr.map.fastly.net'])
  })

  it('should leave CNAME targets to later rules with `include`', () => {
    const tree = buildGraph(
      {name: 'cdn.jsdelivr.net', cnameTo: ['jsdelivr.map.fastly.net']},
      {name: 'jsdelivr.map.fastly.net', queries: 0},
    )
    expect(runRule(cnameTargets, {cnameTargets: 'include'}, tree).messages).toEqual([])
  })

  it('should throw on an unknown mode', () => {
    expect(() => runRule(cnameTargets, {cnameTargets: 'all' as 'omit'}, buildGraph())).toThrowError(
      /cnameTargets: Unexpected value `all`, expected `omit` or `include`/,
    )
  })
})

describe('allowlist:clients', () => {
  it('should keep only names asked by configured clients', () => {
    const tree = buildGraph(
      {name: 'mine.example.com', clients: ['10.0.0.2']},
      {name: 'theirs.example.com', clients: ['10.0.0.9', '10.0.0.8']},
      {name: 'builder.example.com', clients: ['builder']},
    )
    const {decisions, messages} = runRule(clients, {clients: ['10.0.0.2', 'Builder']}, tree)
    expect(messages).toEqual([
      '2:1: Unexpected name `theirs.example.com` asked only by `10.0.0.9` and `10.0.0.8`, expected a client from `clients`',
    ])
    expect(Object.keys(decisions)).toEqual(['theirs.example.com'])
  })

  it('should do nothing without `clients`', () => {
    expect(runRule(clients, {}, buildGraph({name: 'a.example.com'})).messages).toEqual([])
  })
})

describe('allowlist:query-type', () => {
  it('should drop names asked only with types that do not connect', () => {
    const tree = buildGraph(
      {name: '1.1.1.1.in-addr.arpa', type: 'PTR', outcome: 'refused'},
      {name: '_http._tcp.ftp.debian.org', type: 'SRV', outcome: 'nxdomain'},
      {name: 'ftp.debian.org', more: [['MX', 'nodata']]},
      {name: 'pypi.python.org', type: 'HTTPS', outcome: 'nodata'},
    )
    const {decisions, messages} = runRule(queryType, undefined, tree)
    expect(messages).toEqual([
      '1:1: Unexpected query type `PTR` for `1.1.1.1.in-addr.arpa`, expected `A`, `AAAA`, `HTTPS` or `SVCB`',
      '2:1: Unexpected query type `SRV` for `_http._tcp.ftp.debian.org`, expected `A`, `AAAA`, `HTTPS` or `SVCB`',
    ])
    expect(Object.keys(decisions).sort()).toEqual([
      '1.1.1.1.in-addr.arpa',
      '_http._tcp.ftp.debian.org',
    ])
  })

  it('should follow configured types', () => {
    const tree = buildGraph({name: 'mail.example.com', type: 'MX'}, {name: 'www.example.com'})
    const {messages} = runRule(queryType, {queryTypes: ['MX']}, tree)
    expect(messages).toEqual([
      '2:1: Unexpected query type `A` for `www.example.com`, expected `MX`',
    ])
  })
})

describe('allowlist:min-runs', () => {
  it('should drop names seen in fewer runs than `minRuns`', () => {
    const tree = buildGraph({name: 'stable.example.com', runs: 3}, {name: 'once.example.com'})
    const {decisions, messages} = runRule(minRuns, {minRuns: 2}, tree)
    expect(messages).toEqual([
      '2:1: Unexpected name `once.example.com` seen in 1 run, expected at least 2 (`minRuns`)',
    ])
    expect(Object.keys(decisions)).toEqual(['once.example.com'])
  })

  it('should throw on a value below 1', () => {
    expect(() => runRule(minRuns, {minRuns: 0}, buildGraph())).toThrowError(/minRuns/)
  })
})

describe('query type spellings', () => {
  it('should count `type=65` as HTTPS and `type=64` as SVCB', () => {
    const tree = buildGraph(
      {name: 'svc.example.com', type: 'type=65'},
      {name: 'svcb.example.com', type: 'type=64'},
      {name: 'caa.example.com', type: 'type=257'},
    )
    expect(runRule(queryType, undefined, tree).messages).toEqual([
      '3:1: Unexpected query type `type=257` for `caa.example.com`, expected `A`, `AAAA`, `HTTPS` or `SVCB`',
    ])
  })
})
