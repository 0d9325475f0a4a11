/**
 * Merging saved graphs from many machines or runs into one: the way to scale past one machine.
 * `mergeGraphs` is associative and commutative, so a CI matrix can fan in its graphs in any
 * order and grouping and get the same bytes. Each name keeps in how many runs it appeared and
 * which clients asked, so a name seen in only some runs stands out.
 */
import {loadGraph} from '../graph/load-document.js'
import {mergeGraphs} from '../graph/merge.js'
import {observedNodes} from '../graph/tree.js'
import type {Root} from '../graph/types.js'
import {compareStrings} from './compare.js'

/** Version of the `--json` document of `allowlist merge`. */
export const MERGE_SCHEMA = 'allowlist-merge/1'

export interface NameCounts {
  name: string
  /** In how many of the merged runs the name appeared. */
  runs: number
  /** How many distinct clients (IPs or instance names) asked for it. */
  clients: number
  /** Queries for it, all types, all runs. */
  queries: number
}

export interface MergeSummary {
  schema: typeof MERGE_SCHEMA
  inputs: string[]
  /** Runs in the merged graph (the sum over the inputs). */
  runs: number
  /** Observed names in the merged graph. */
  names: number
  /** Per name, sorted by name. */
  counts: NameCounts[]
}

export interface MergedGraphs {
  tree: Root
  summary: MergeSummary
}

/**
 * Load and merge graph documents.
 *
 * @param inputs Paths of documents written by `allowlist ingest -o` or `allowlist merge -o`.
 * @returns The merged graph and its per-name counts.
 */
export async function mergeGraphFiles(inputs: readonly string[]): Promise<MergedGraphs> {
  if (inputs.length === 0) throw new TypeError('mergeGraphFiles: expected at least one graph')
  let tree: Root | undefined
  for (const input of inputs) {
    const graph = await loadGraph(input)
    tree = tree ? mergeGraphs(tree, graph) : graph
  }
  const merged = tree as Root
  const counts: NameCounts[] = []
  for (const node of observedNodes(merged)) {
    const {observation} = node.data
    counts.push({
      name: node.name,
      runs: observation.runs,
      clients: observation.clients.length,
      queries: Object.values(observation.queries).reduce((sum, value) => sum + value, 0),
    })
  }
  counts.sort((a, b) => compareStrings(a.name, b.name))
  return {
    tree: merged,
    summary: {
      schema: MERGE_SCHEMA,
      inputs: [...inputs],
      runs: merged.data?.runs ?? 0,
      names: counts.length,
      counts,
    },
  }
}

/**
 * A few lines for people: totals, then the names that were asked for in only some runs (names
 * only ever reached through a CNAME follow their alias and are left out).
 *
 * @param summary From `mergeGraphFiles`.
 * @param output Where the graph went, or `undefined` (or `-`) for stdout.
 */
export function formatMergeSummary(summary: MergeSummary, output: string | undefined): string {
  const lines = [
    `Merged ${summary.inputs.length} graph${summary.inputs.length === 1 ? '' : 's'} (${summary.runs} run${summary.runs === 1 ? '' : 's'}, ${summary.names} names)${output === undefined || output === '-' ? '' : ` into ${output}`}`,
  ]
  const partial = summary.counts.filter((count) => count.queries > 0 && count.runs < summary.runs)
  if (partial.length > 0) {
    lines.push(`Asked for in only some runs (${partial.length}):`)
    for (const count of partial) {
      lines.push(
        `  ${count.name}  runs ${count.runs}/${summary.runs}, clients ${count.clients}, queries ${count.queries}`,
      )
    }
  }
  return lines.join('\n')
}
