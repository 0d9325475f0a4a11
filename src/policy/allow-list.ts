/**
 * Read the decided tree into an `AllowList`: one entry per distinct entry name, with the observed
 * names behind it and what they add up to (addresses with CNAME chains followed, queries, clients,
 * runs). This is the data every renderer formats; it is sorted and free of clocks so two runs on
 * the same input give the same bytes.
 */
import {createRequire} from 'node:module'
import type {AllowList, Entry} from '../graph/entry.js'
import {findNode, observedNodes} from '../graph/tree.js'
import type {Root} from '../graph/types.js'
import type {CollapseMode} from './collapse.js'
import {cnameChain, isCnameTargetOnly, keptNodes, queryCount} from './nodes.js'
import {TLDTS_VERSION} from '../graph/public-suffix.js'

const PACKAGE_VERSION = (createRequire(import.meta.url)('../../package.json') as {version: string})
  .version

/** `allowlist <version>`, as written in output headers. */
export const GENERATOR = `allowlist ${PACKAGE_VERSION}`

export interface BuildOptions {
  inputs: string[]
  collapse: CollapseMode
}

/**
 * Build the allow-list from a tree the policy has run over.
 *
 * @param tree The decided graph.
 * @param options Facts for `meta`.
 */
export function buildAllowList(tree: Root, options: BuildOptions): AllowList {
  const find = (name: string) => findNode(tree, name)
  const entries = new Map<string, Entry & {targetsOnly: boolean}>()
  for (const node of keptNodes(tree)) {
    const decision = node.data?.decision
    const entryName = decision?.entry ?? node.name
    let entry = entries.get(entryName)
    if (!entry) {
      entry = {
        name: entryName,
        includesSubdomains: decision?.includesSubdomains ?? false,
        sources: [],
        cnameTarget: false,
        addresses: {v4: [], v6: []},
        queries: 0,
        clients: [],
        runs: Number.POSITIVE_INFINITY,
        targetsOnly: true,
      }
      entries.set(entryName, entry)
    }
    const observation = node.data?.observation
    if (!observation) continue
    entry.sources.push(node.name)
    entry.queries += queryCount(observation)
    entry.clients.push(...observation.clients)
    entry.runs = Math.min(entry.runs, observation.runs)
    entry.targetsOnly &&= isCnameTargetOnly(observation)
    for (const link of [node, ...cnameChain(find, node.name)]) {
      const addresses = link.data?.observation?.addresses
      entry.addresses.v4.push(...(addresses?.v4 ?? []))
      entry.addresses.v6.push(...(addresses?.v6 ?? []))
    }
  }

  const sorted = [...entries.values()]
    .map(({targetsOnly, ...entry}): Entry => {
      const hasSources = entry.sources.length > 0
      return {
        ...entry,
        sources: unique(entry.sources),
        cnameTarget: hasSources && targetsOnly,
        addresses: {v4: unique(entry.addresses.v4), v6: unique(entry.addresses.v6)},
        clients: unique(entry.clients),
        runs: hasSources ? entry.runs : 0,
      }
    })
    .sort((left, right) => compare(left.name, right.name))

  let observed = 0
  let kept = 0
  for (const node of observedNodes(tree)) {
    observed++
    if (node.data.decision?.kept ?? true) kept++
  }
  return {
    entries: sorted,
    meta: {
      generator: GENERATOR,
      tldtsVersion: TLDTS_VERSION,
      inputs: options.inputs,
      collapse: options.collapse,
      counts: {observed, kept, dropped: observed - kept, entries: sorted.length},
    },
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort(compare)
}

/** Code-point order, independent of the locale, so output is identical everywhere. */
function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
