import fc from 'fast-check'
import {parse} from 'tldts'
import {describe, expect, it} from 'vitest'
import {isHostname} from '../../src/graph/hostname.js'
import {observedNodes} from '../../src/graph/tree.js'
import type {Entry} from '../../src/graph/entry.js'
import type {Outcome, Root} from '../../src/graph/types.js'
import {applyPolicy} from '../../src/policy/index.js'
import {matchesPattern, parsePattern, type Pattern} from '../../src/policy/patterns.js'
import {graphArbitrary} from '../support/graph-arbitrary.js'
import {buildGraph, type NameSpec} from '../support/graph.js'

const suffixes = ['com', 'co.uk', 'github.io', 's3.amazonaws.com', 'ck', 'foo.ck', 'lan', 'net']
const labels = ['a', 'b', 'www', 'api', 'cdn', 'example', 'foo', 'x-y', 'b_c', 'bad|name']
const outcomes: Outcome[] = [
  'address',
  'address',
  'address',
  'nxdomain',
  'nodata',
  'refused',
  'hosts',
]

const nameArbitrary = fc
  .tuple(
    fc.array(fc.constantFrom(...labels), {minLength: 0, maxLength: 3}),
    fc.constantFrom(...suffixes),
  )
  .map(([prefix, suffix]) => [...prefix, suffix].join('.'))

/** Config patterns are validated before they reach the policy: only valid names here. */
const patternNameArbitrary = nameArbitrary.filter((name) => typeof parsePattern(name) !== 'string')

const specArbitrary = fc.record({
  name: nameArbitrary,
  outcome: fc.constantFrom(...outcomes),
  type: fc.constantFrom('A', 'AAAA', 'PTR'),
})

const configArbitrary = fc.record({
  collapse: fc.constantFrom('exact', 'registrable', 'auto') as fc.Arbitrary<
    'exact' | 'registrable' | 'auto'
  >,
  exclude: fc.array(
    fc
      .tuple(fc.constantFrom('', '*.', '.'), patternNameArbitrary)
      .map(([prefix, name]) => prefix + name),
    {maxLength: 3},
  ),
  include: fc.array(patternNameArbitrary, {maxLength: 2}),
})

function matches(entry: Entry, name: string): boolean {
  return name === entry.name || (entry.includesSubdomains && name.endsWith('.' + entry.name))
}

type Config = {collapse: 'exact' | 'registrable' | 'auto'; exclude: string[]; include: string[]}

/** The promises of the policy, checked on one graph. */
function checkInvariants(tree: Root, config: Config): void {
  const {allowList} = applyPolicy(tree, config)
  const exclusions = config.exclude
    .map((source) => parsePattern(source))
    .filter((pattern): pattern is Pattern => typeof pattern !== 'string')

  for (const entry of allowList.entries) {
    const facts = parse(entry.name, {allowPrivateDomains: true, extractHostname: false})
    expect(facts.domain, `entry ${entry.name} is a public suffix`).not.toBeNull()
    expect(isHostname(entry.name), `entry ${entry.name} is not a hostname`).toBe(true)
  }
  for (const node of observedNodes(tree)) {
    const excluded = exclusions.some((pattern) => matchesPattern(pattern, node.name))
    const covered = allowList.entries.some((entry) => matches(entry, node.name))
    if (excluded) expect(covered, `excluded ${node.name} is allowed`).toBe(false)
    if (node.data.decision?.kept) expect(covered, `kept ${node.name} is not listed`).toBe(true)
  }
  for (const pattern of exclusions) {
    if (pattern.scope === 'subdomains') continue
    const covered = allowList.entries.some((entry) => matches(entry, pattern.name))
    expect(covered, `excluded ${pattern.source} is allowed`).toBe(false)
  }
}

describe('policy properties', () => {
  it('should never emit a public suffix, cover every kept name and no excluded one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(specArbitrary, {selector: (spec) => spec.name, maxLength: 12}),
        configArbitrary,
        (specs, config) => checkInvariants(buildGraph(...(specs as NameSpec[])), config),
      ),
      {numRuns: 300, seed: 20261204},
    )
  })

  it('should keep the same promises for any graph ingest can produce', () => {
    fc.assert(
      fc.property(graphArbitrary, configArbitrary, (tree, config) => checkInvariants(tree, config)),
      {numRuns: 300, seed: 20261205},
    )
  })
})
