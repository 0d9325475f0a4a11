/**
 * Build small graphs after policy for tests that need a tree without running ingest and policy:
 * observed names with their queries, answers and clients, CNAME links on both ends, decisions.
 */
import type {Decision, DomainNode, Observation, Outcome, Root} from '../../src/graph/types.js'
import {createRoot, emptyObservation, ensureNode} from '../../src/graph/tree.js'

export interface Seen {
  /** Query counts per type; default one `A` query. */
  queries?: Record<string, number>
  /** Outcome of every query (default `address`); use `outcomes` for a mix. */
  outcome?: Outcome
  outcomes?: Observation['outcomes']
  v4?: string[]
  v6?: string[]
  clients?: string[]
  /** Log line of the first sighting; default `dns.log` line 1. */
  line?: number
  rawNames?: string[]
  decision?: Decision
}

/** A graph with `names` observed; CNAME links are added with `linkCname`. */
export function graphOf(names: Record<string, Seen>): Root {
  const root = createRoot()
  for (const [name, seen] of Object.entries(names)) observe(root, name, seen)
  return root
}

/** Record an observation (and decision) on `name`. */
export function observe(root: Root, name: string, seen: Seen = {}): DomainNode {
  const node = ensureNode(root, name)
  const queries = seen.queries ?? {A: 1}
  const outcomes =
    seen.outcomes ??
    Object.fromEntries(
      Object.entries(queries).map(([type, count]) => [type, {[seen.outcome ?? 'address']: count}]),
    )
  node.data = {
    ...node.data,
    observation: {
      ...emptyObservation(),
      queries,
      outcomes,
      addresses: {v4: seen.v4 ?? [], v6: seen.v6 ?? []},
      clients: seen.clients ?? ['10.148.12.32'],
      places: [{file: 'dns.log', line: seen.line ?? 1}],
      rawNames: seen.rawNames ?? [name],
    },
    ...(seen.decision === undefined ? {} : {decision: seen.decision}),
  }
  return node
}

/** Link `from` → `to` as a CNAME on both nodes; both must be observed already. */
export function linkCname(root: Root, from: string, to: string): void {
  const alias = ensureNode(root, from).data?.observation
  const target = ensureNode(root, to).data?.observation
  if (!alias || !target) throw new TypeError(`linkCname: observe ${from} and ${to} first`)
  alias.cnameTo = [...new Set([...alias.cnameTo, to])].sort()
  target.cnameFrom = [...new Set([...target.cnameFrom, from])].sort()
}

/** A decision that keeps a name in `entry`. */
export function kept(
  entry: string,
  ruleId = 'collapse',
  reason = `Kept as \`${entry}\``,
): Decision {
  return {kept: true, ruleId, reason, entry}
}

/** A decision that drops a name. */
export function dropped(ruleId: string, reason: string): Decision {
  return {kept: false, ruleId, reason}
}
