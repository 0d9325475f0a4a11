/**
 * Tiny domain graphs for policy tests, built with the graph module's own helpers so tests do not
 * depend on ingest. Each spec is one observed name; CNAME edges are linked both ways.
 */
import {createRoot, emptyObservation, ensureNode} from '../../src/graph/tree.js'
import type {Outcome, Root} from '../../src/graph/types.js'

export interface NameSpec {
  name: string
  /** Query type asked (default `A`); outcomes are recorded under it. */
  type?: string
  /** Outcome of the query (default `address`, or `cname` when `cnameTo` is given). */
  outcome?: Outcome
  /** More (type, outcome) pairs, e.g. `[['AAAA', 'nodata']]`. */
  more?: Array<[string, Outcome]>
  /** Queries asked for this name (default 1; 0 makes it a CNAME target nobody asked for). */
  queries?: number
  v4?: string[]
  v6?: string[]
  cnameTo?: string[]
  clients?: string[]
  /** Log line of the first mention (default: the spec's position, 1-based). */
  line?: number
  file?: string
  /** Spellings as logged (default: the name itself). */
  raw?: string[]
  runs?: number
}

/**
 * Build a graph from specs.
 *
 * @param specs One per observed name.
 * @returns The graph.
 */
export function buildGraph(...specs: NameSpec[]): Root {
  const root = createRoot()
  for (const [index, spec] of specs.entries()) {
    const node = ensureNode(root, spec.name)
    const observation = emptyObservation()
    const type = spec.type ?? 'A'
    const queries = spec.queries ?? 1
    if (queries > 0) observation.queries[type] = queries
    const outcome = spec.outcome ?? (spec.cnameTo ? 'cname' : 'address')
    observation.outcomes[type] = {[outcome]: Math.max(queries, 1)}
    for (const [moreType, moreOutcome] of spec.more ?? []) {
      if (queries > 0) observation.queries[moreType] = (observation.queries[moreType] ?? 0) + 1
      const outcomes = (observation.outcomes[moreType] ??= {})
      outcomes[moreOutcome] = (outcomes[moreOutcome] ?? 0) + 1
    }
    observation.addresses = {
      v4: spec.v4 ?? (outcome === 'address' && type !== 'AAAA' ? ['192.0.2.1'] : []),
      v6: spec.v6 ?? [],
    }
    observation.cnameTo = spec.cnameTo ?? []
    observation.clients = spec.clients ?? (queries > 0 ? ['10.0.0.2'] : [])
    observation.places = [{file: spec.file ?? 'dns.log', line: spec.line ?? index + 1}]
    observation.rawNames = spec.raw ?? [spec.name]
    observation.runs = spec.runs ?? 1
    node.data = {...node.data, observation}
  }
  for (const spec of specs) {
    for (const target of spec.cnameTo ?? []) {
      const observation = ensureNode(root, target).data?.observation
      if (observation && !observation.cnameFrom.includes(spec.name)) {
        observation.cnameFrom.push(spec.name)
        observation.cnameFrom.sort()
      }
    }
  }
  return root
}
