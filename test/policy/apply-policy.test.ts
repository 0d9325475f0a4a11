import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {applyPolicy, policyRules, RULE_IDS} from '../../src/policy/index.js'
import {buildGraph} from '../support/graph.js'

/** A graph with something for every rule to say. */
function everything() {
  return buildGraph(
    {name: '203.0.113.9', runs: 2},
    {name: 'pipe|name.bad-host.net', runs: 2},
    {name: 'telemetry.example.org', runs: 2},
    {name: 'mirror.example.org', outcome: 'nxdomain', runs: 2},
    {name: 'github.io', runs: 2},
    {name: 'cdn.jsdelivr.net', cnameTo: ['jsdelivr.map.fastly.net'], v4: [], runs: 2},
    {
      name: 'jsdelivr.map.fastly.net',
      queries: 0,
      v4: ['151.101.1.229'],
      v6: ['2a04:4e42::485'],
      runs: 2,
    },
    {name: 'other.example.net', clients: ['10.0.0.9'], runs: 2},
    {name: '1.1.1.1.in-addr.arpa', type: 'PTR', outcome: 'refused', runs: 2},
    {name: 'once.example.com', runs: 1},
    {name: 'builder.lxd', outcome: 'dhcp', runs: 2},
    {name: 'devbox.lan', runs: 2},
    {name: 'nonexistent-pkg.yarnpkg.com', outcome: 'nxdomain', runs: 2},
    {name: 'x.refuses.example.net', outcome: 'refused', runs: 2},
    {name: 'registry.npmjs.org', runs: 2},
    {name: 'www.npmjs.org', runs: 2},
  )
}

const options = {
  exclude: ['telemetry.example.org'],
  include: ['mirror.example.org'],
  clients: ['10.0.0.2'],
  keep: ['www.npmjs.org'],
  minRuns: 1,
}

describe('applyPolicy', () => {
  it('should build a sorted allow-list with CNAME addresses followed', () => {
    const {allowList} = applyPolicy(everything(), options, {inputs: ['dns.log']})
    expect(allowList.entries.map((entry) => entry.name)).toEqual([
      'example.com',
      'example.net',
      'jsdelivr.net',
      'mirror.example.org',
      'npmjs.org',
    ])
    expect(allowList.entries[2]).toEqual({
      name: 'jsdelivr.net',
      includesSubdomains: true,
      sources: ['cdn.jsdelivr.net'],
      cnameTarget: false,
      addresses: {v4: ['151.101.1.229'], v6: ['2a04:4e42::485']},
      queries: 1,
      clients: ['10.0.0.2'],
      runs: 2,
    })
    expect(allowList.entries[4]).toMatchObject({
      name: 'npmjs.org',
      includesSubdomains: true,
      sources: ['registry.npmjs.org', 'www.npmjs.org'],
      queries: 2,
      runs: 2,
    })
    const tldts = JSON.parse(
      readFileSync(new URL('../../node_modules/tldts/package.json', import.meta.url), 'utf8'),
    ) as {version: string}
    expect(allowList.meta).toEqual({
      generator: 'allowlist 0.1.0',
      tldtsVersion: tldts.version,
      inputs: ['dns.log'],
      collapse: 'registrable',
      counts: {observed: 16, kept: 6, dropped: 10, entries: 5},
    })
  })

  it('should give every rule a message, each stamped with its own rule id', () => {
    const {file} = applyPolicy(everything(), {...options, minRuns: 2})
    const ruleIds = new Set(file.messages.map((message) => message.ruleId))
    expect([...RULE_IDS].filter((id) => !ruleIds.has(id))).toEqual([])
    expect(file.messages.every((message) => message.source === 'allowlist')).toBe(true)
  })

  it('should stamp each rule’s messages with that rule’s id when run alone', () => {
    for (const [index, pluggable] of policyRules({...options, minRuns: 2}).entries()) {
      const file = new VFile()
      unified().use([pluggable]).runSync(everything(), file)
      for (const message of file.messages) {
        expect({source: message.source, ruleId: message.ruleId}).toEqual({
          source: 'allowlist',
          ruleId: RULE_IDS[index],
        })
      }
    }
  })

  it('should name the log line of the first mention, per file', () => {
    const tree = buildGraph(
      {name: 'devbox.lan', file: 'b.log', line: 7},
      {name: 'x.lan', file: 'a.log', line: 9},
    )
    const {file} = applyPolicy(tree)
    expect(
      file.messages.map((message) => `${message.file}:${message.line}:${message.column}`),
    ).toEqual(['a.log:9:1', 'b.log:7:1'])
  })

  it('should be deterministic', () => {
    const first = applyPolicy(everything(), options)
    const second = applyPolicy(everything(), options)
    expect(JSON.stringify(second.allowList)).toBe(JSON.stringify(first.allowList))
    expect(second.file.messages.map(String)).toEqual(first.file.messages.map(String))
  })
})
