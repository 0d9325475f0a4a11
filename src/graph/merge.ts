/**
 * Merging graphs: two captures of the same job, or a saved graph and a new log, become one
 * graph. The merge is associative and commutative (counts add, sets unite, times take the
 * extremes), so any number of graphs can be merged in any order with one result. (The slices of
 * one log read in parallel are merged before they become graphs: ingest/scan-state.ts.)
 */
import {createRoot, emptyObservation, ensureNode, observedNodes} from './tree.js'
import {
  RAW_NAMES_LIMIT,
  type LogPlace,
  type Observation,
  type Root,
  type SourceSummary,
} from './types.js'

/** Merging with this copies an observation: it adds nothing, and no runs. */
const EMPTY: Observation = {...emptyObservation(), runs: 0}

/**
 * Merge two graphs into a new one; the inputs are not changed.
 *
 * @param a One graph.
 * @param b The other.
 * @returns The merged graph.
 */
export function mergeGraphs(a: Root, b: Root): Root {
  const merged = new Map<string, Observation>()
  for (const node of observedNodes(a)) merged.set(node.name, node.data.observation)
  for (const node of observedNodes(b)) {
    const other = merged.get(node.name)
    merged.set(
      node.name,
      other ? mergeObservations(other, node.data.observation) : node.data.observation,
    )
  }
  const root = createRoot()
  for (const name of [...merged.keys()].sort()) {
    ensureNode(root, name).data = {observation: cloneObservation(merged.get(name) as Observation)}
  }
  root.data = {
    runs: (a.data?.runs ?? 0) + (b.data?.runs ?? 0),
    sources: [...(a.data?.sources ?? []), ...(b.data?.sources ?? [])]
      .map((source) => ({...source}))
      .sort(compareSources),
  }
  return root
}

/** Merge two observations of the same name. */
export function mergeObservations(a: Observation, b: Observation): Observation {
  const outcomes: Observation['outcomes'] = {}
  for (const type of unionSorted(Object.keys(a.outcomes), Object.keys(b.outcomes))) {
    outcomes[type] = addCounts(a.outcomes[type] ?? {}, b.outcomes[type] ?? {})
  }
  const merged: Observation = {
    queries: addCounts(a.queries, b.queries),
    outcomes,
    addresses: {
      v4: unionSorted(a.addresses.v4, b.addresses.v4),
      v6: unionSorted(a.addresses.v6, b.addresses.v6),
    },
    cnameTo: unionSorted(a.cnameTo, b.cnameTo),
    cnameFrom: unionSorted(a.cnameFrom, b.cnameFrom),
    clients: unionSorted(a.clients, b.clients),
    places: mergePlaces(a.places, b.places),
    rawNames: unionSorted(a.rawNames, b.rawNames).slice(0, RAW_NAMES_LIMIT),
    runs: a.runs + b.runs,
  }
  const firstSeen = extreme(a.firstSeen, b.firstSeen, (x, y) => x < y)
  const lastSeen = extreme(a.lastSeen, b.lastSeen, (x, y) => x > y)
  if (firstSeen !== undefined) merged.firstSeen = firstSeen
  if (lastSeen !== undefined) merged.lastSeen = lastSeen
  return merged
}

function addCounts<K extends string>(
  a: Partial<Record<K, number>>,
  b: Partial<Record<K, number>>,
): Partial<Record<K, number>> & Record<string, number> {
  const sum: Record<string, number> = {}
  for (const key of unionSorted(Object.keys(a), Object.keys(b))) {
    sum[key] = ((a as Record<string, number>)[key] ?? 0) + ((b as Record<string, number>)[key] ?? 0)
  }
  return sum as Partial<Record<K, number>> & Record<string, number>
}

/** The first line per file, sorted by file. */
function mergePlaces(a: LogPlace[], b: LogPlace[]): LogPlace[] {
  const first = new Map<string, number>()
  for (const place of [...a, ...b]) {
    const line = first.get(place.file)
    if (line === undefined || place.line < line) first.set(place.file, place.line)
  }
  return [...first.keys()].sort().map((file) => ({file, line: first.get(file) as number}))
}

/** A total order on summaries, so that merging in any order lists them the same way. */
function compareSources(a: SourceSummary, b: SourceSummary): number {
  const x = JSON.stringify([a.file, a.shape, a.gzip, a.lines, a.queries, a.unparsed])
  const y = JSON.stringify([b.file, b.shape, b.gzip, b.lines, b.queries, b.unparsed])
  return x < y ? -1 : x > y ? 1 : 0
}

function unionSorted(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort()
}

function extreme(
  a: string | undefined,
  b: string | undefined,
  better: (x: string, y: string) => boolean,
): string | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return better(b, a) ? b : a
}

/** A deep copy (structuredClone is several times slower on 20,000 small objects). */
function cloneObservation(observation: Observation): Observation {
  return mergeObservations(observation, EMPTY)
}
