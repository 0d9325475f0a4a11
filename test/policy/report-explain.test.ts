import {describe, expect, it} from 'vitest'
import {explainName, formatExplanation} from '../../src/policy/explain.js'
import {applyPolicy} from '../../src/policy/index.js'
import {formatReport, messagesToData} from '../../src/policy/report.js'
import {buildGraph} from '../support/graph.js'

const graph = () =>
  buildGraph(
    {name: 'registry.npmjs.org', file: 'dns.log', line: 17},
    {name: 'cdn.jsdelivr.net', cnameTo: ['jsdelivr.map.fastly.net'], v4: [], line: 37},
    {name: 'jsdelivr.map.fastly.net', queries: 0, v4: ['151.101.1.229'], line: 40},
    {name: 'nonexistent-pkg.yarnpkg.com', outcome: 'nxdomain', line: 61},
    {name: 'a b.bad-host.net', raw: ['a b.bad-host.net', 'A B.bad-host.net'], line: 85},
    {name: 'c d.bad-host.net', line: 86},
  )

describe('formatReport', () => {
  it('should group warnings by rule in pipeline order and hide infos', () => {
    const {file} = applyPolicy(graph())
    expect(formatReport(file.messages)).toBe(
      [
        'allowlist:invalid-hostname (3 warnings)',
        '  dns.log:85:1  warning  Unexpected character ` ` in `a b.bad-host.net`, expected letters, digits, `-`, `_` or `.`',
        '  dns.log:85:1  warning  Unexpected character ` ` in `A B.bad-host.net`, expected letters, digits, `-`, `_` or `.`',
        '  dns.log:86:1  warning  Unexpected character ` ` in `c d.bad-host.net`, expected letters, digits, `-`, `_` or `.`',
        'allowlist:negative-only (1 warning)',
        '  dns.log:61:1  warning  Unexpected name `nonexistent-pkg.yarnpkg.com` with only negative answers (`NXDOMAIN`), expected a positive answer',
        '',
        '4 warnings, 3 infos (infos hidden; --verbose shows them)',
      ].join('\n'),
    )
  })

  it('should fold identical reasons into one line with a count', () => {
    const tree = buildGraph({name: 'x.lan', line: 3}, {name: 'y.lan', line: 4})
    const {file} = applyPolicy(tree, {dropSuffixes: []})
    for (const message of file.messages) message.reason = 'Same reason'
    expect(formatReport(file.messages).split('\n')[1]).toBe(
      '  dns.log:3:1  warning  Same reason (×2)',
    )
  })

  it('should show infos with verbose', () => {
    const {file} = applyPolicy(graph())
    const report = formatReport(file.messages, {verbose: true})
    expect(report).toContain('allowlist:cname-targets (1 info)')
    expect(report).toContain(
      '  dns.log:17:1  info  Collapsed `registry.npmjs.org` into `.npmjs.org` (registrable domain)',
    )
    expect(report.split('\n').at(-1)).toBe('4 warnings, 3 infos')
  })

  it('should say nothing when there is nothing to say', () => {
    expect(formatReport([])).toBe('')
  })

  it('should turn messages into plain data', () => {
    const {file} = applyPolicy(graph())
    expect(messagesToData(file.messages)[0]).toEqual({
      file: 'dns.log',
      line: 17,
      column: 1,
      ruleId: 'collapse',
      source: 'allowlist',
      severity: 'info',
      reason: 'Collapsed `registry.npmjs.org` into `.npmjs.org` (registrable domain)',
    })
  })
})

describe('explainName', () => {
  it('should explain a kept, collapsed name', () => {
    const explanation = explainName(graph(), 'Registry.NPMJS.org.')
    expect(explanation.name).toBe('registry.npmjs.org')
    expect(explanation.allowed).toBe(true)
    expect(explanation.entry?.name).toBe('npmjs.org')
    expect(explanation.rules.filter((step) => step.action !== 'passed')).toEqual([
      {
        ruleId: 'collapse',
        action: 'kept',
        entry: '.npmjs.org',
        reason: 'Collapsed `registry.npmjs.org` into `.npmjs.org` (registrable domain)',
      },
    ])
  })

  it('should explain a dropped NXDOMAIN name with its message', () => {
    const explanation = explainName(graph(), 'nonexistent-pkg.yarnpkg.com')
    expect(explanation.allowed).toBe(false)
    expect(explanation.messages).toEqual([
      'dns.log:61:1: Unexpected name `nonexistent-pkg.yarnpkg.com` with only negative answers (`NXDOMAIN`), expected a positive answer',
    ])
    expect(formatExplanation(explanation).split('\n').at(-1)).toBe('not on the allow-list')
  })

  it('should follow the CNAME chain of an alias', () => {
    const explanation = explainName(graph(), 'cdn.jsdelivr.net')
    expect(explanation.cnameChain).toEqual(['jsdelivr.map.fastly.net'])
    expect(explanation.entry?.addresses.v4).toEqual(['151.101.1.229'])
    expect(formatExplanation(explanation)).toContain(
      '  CNAME      cdn.jsdelivr.net → jsdelivr.map.fastly.net',
    )
  })

  it('should explain a hostile name with one message per spelling', () => {
    const explanation = explainName(graph(), 'a b.bad-host.net')
    expect(explanation.rules.find((step) => step.ruleId === 'invalid-hostname')?.action).toBe(
      'dropped',
    )
    expect(explanation.messages).toHaveLength(2)
  })

  it('should say when a name was never observed but is allowed by an entry', () => {
    const explanation = explainName(graph(), 'www.npmjs.org')
    expect(explanation).toMatchObject({observed: false, allowed: true})
    expect(formatExplanation(explanation)).toContain('  not observed in the inputs')
  })
})
