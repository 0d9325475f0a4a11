/**
 * What a report says, as plain data: the allow-list grouped by registrable domain with the names
 * behind each entry, the names that were dropped (or never decided), and the CNAME links. It
 * reads the graph and the list and changes neither; every renderer (HTML, DOT, Mermaid) draws
 * from this one model, so they cannot disagree.
 */
import type {AllowList, AllowListMeta, Entry} from '../graph/entry.js'
import {observedNodes} from '../graph/tree.js'
import type {Decision, Observation, Outcome, Root, SourceSummary} from '../graph/types.js'
import {registrableDomainOf} from '../graph/public-suffix.js'

/** Where a name stands after policy. */
export type NameStatus = 'kept' | 'dropped' | 'undecided'

/** One observed name, as a report row shows it. */
export interface NameRow {
  name: string
  status: NameStatus
  /** Spellings logged for it when they differ from `name` (case, hostile bytes). */
  otherSpellings: string[]
  /** Query count per type, sorted by type. */
  types: Array<{type: string; count: number}>
  queries: number
  clients: string[]
  /** Outcome totals over all query types, most frequent first. */
  outcomes: Array<{outcome: Outcome; count: number}>
  /** The rule that decided, without the `allowlist:` prefix, and its reason; absent if undecided. */
  decision?: Decision
  /** The first log line naming it, as `file:line`. */
  firstPlace?: string
  /** `true` when the name takes part in a CNAME chain (as alias or target). */
  inCnameChain: boolean
}

/** One allow-list entry and the observed names it stands for. */
export interface EntryBlock {
  entry: Entry
  names: NameRow[]
}

/** Entries (or dropped names) sharing a registrable domain. */
export interface DomainGroup<Item> {
  domain: string
  items: Item[]
}

export interface CnameLink {
  from: string
  to: string
}

/** A name drawn in the CNAME graph. */
export interface CnameNode {
  name: string
  status: NameStatus
}

export interface ReportModel {
  meta: AllowListMeta
  sources: SourceSummary[]
  counts: {
    observed: number
    kept: number
    dropped: number
    undecided: number
    entries: number
    domains: number
    clients: number
    cnameLinks: number
  }
  allowed: Array<DomainGroup<EntryBlock>>
  /** Observed names not behind any entry: dropped, undecided, or kept into an entry not listed. */
  others: Array<DomainGroup<NameRow>>
  cname: {nodes: CnameNode[]; links: CnameLink[]}
}

/**
 * Build the report model.
 *
 * @param tree The graph after policy (decisions in `data.decision`); a graph without decisions
 *   gives a report where every name is `undecided`.
 * @param allowList The list policy produced from `tree`.
 * @returns Sorted, deterministic data: groups by domain, entries and names by name.
 */
export function buildReportModel(tree: Root, allowList: AllowList): ReportModel {
  const rows = new Map<string, NameRow>()
  for (const node of observedNodes(tree)) {
    rows.set(node.name, toRow(node.name, node.data.observation, node.data.decision))
  }
  const entries = [...allowList.entries].sort((a, b) => compare(a.name, b.name))
  const shown = new Set<string>()
  const blocks = entries.map((entry) => {
    const names = namesBehind(entry, rows)
    for (const row of names) shown.add(row.name)
    return {entry, names}
  })
  const others = [...rows.values()].filter((row) => !shown.has(row.name))
  const cname = cnameGraph(rows, tree)
  const clients = new Set([...rows.values()].flatMap((row) => row.clients))
  const allowed = groupBy(blocks, (block) => registrableDomainOf(block.entry.name))
  return {
    meta: allowList.meta,
    sources: tree.data?.sources ?? [],
    counts: {
      observed: rows.size,
      kept: countStatus(rows, 'kept'),
      dropped: countStatus(rows, 'dropped'),
      undecided: countStatus(rows, 'undecided'),
      entries: entries.length,
      domains: allowed.length,
      clients: clients.size,
      cnameLinks: cname.links.length,
    },
    allowed,
    others: groupBy(others, (row) => registrableDomainOf(row.name)),
    cname,
  }
}

/**
 * The rows behind an entry: its `sources`, plus kept names whose decision points at it (policy
 * records both; either alone is enough). A source the graph never observed still gets a row.
 */
function namesBehind(entry: Entry, rows: ReadonlyMap<string, NameRow>): NameRow[] {
  const names = new Set(entry.sources)
  for (const row of rows.values()) {
    if (row.decision?.kept && row.decision.entry === entry.name) names.add(row.name)
  }
  return [...names].sort(compare).map((name) => rows.get(name) ?? toRow(name, undefined, undefined))
}

function toRow(
  name: string,
  observation: Observation | undefined,
  decision: Decision | undefined,
): NameRow {
  const types = Object.entries(observation?.queries ?? {})
    .map(([type, count]) => ({type, count}))
    .sort((a, b) => compare(a.type, b.type))
  const firstPlace = observation?.places[0]
  return {
    name,
    status: decision === undefined ? 'undecided' : decision.kept ? 'kept' : 'dropped',
    otherSpellings: (observation?.rawNames ?? []).filter((raw) => raw !== name),
    types,
    queries: types.reduce((sum, {count}) => sum + count, 0),
    clients: [...(observation?.clients ?? [])],
    outcomes: totalOutcomes(observation),
    ...(decision === undefined ? {} : {decision}),
    ...(firstPlace === undefined ? {} : {firstPlace: `${firstPlace.file}:${firstPlace.line}`}),
    inCnameChain: (observation?.cnameTo.length ?? 0) + (observation?.cnameFrom.length ?? 0) > 0,
  }
}

function totalOutcomes(observation: Observation | undefined): NameRow['outcomes'] {
  const totals = new Map<Outcome, number>()
  for (const perType of Object.values(observation?.outcomes ?? {})) {
    for (const [outcome, count] of Object.entries(perType) as Array<[Outcome, number]>) {
      totals.set(outcome, (totals.get(outcome) ?? 0) + count)
    }
  }
  return [...totals]
    .map(([outcome, count]) => ({outcome, count}))
    .sort((a, b) => b.count - a.count || compare(a.outcome, b.outcome))
}

/** Every CNAME link recorded on an observed name, with both ends as graph nodes. */
function cnameGraph(rows: ReadonlyMap<string, NameRow>, tree: Root): ReportModel['cname'] {
  const links = new Map<string, CnameLink>()
  for (const node of observedNodes(tree)) {
    const {cnameTo, cnameFrom} = node.data.observation
    for (const to of cnameTo) links.set(`${node.name}\n${to}`, {from: node.name, to})
    for (const from of cnameFrom) links.set(`${from}\n${node.name}`, {from, to: node.name})
  }
  const sorted = [...links.values()].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to))
  const names = new Set(sorted.flatMap((link) => [link.from, link.to]))
  const nodes = [...names]
    .sort(compare)
    .map((name) => ({name, status: rows.get(name)?.status ?? ('undecided' as const)}))
  return {nodes, links: sorted}
}

function groupBy<Item>(items: Item[], key: (item: Item) => string): Array<DomainGroup<Item>> {
  const groups = new Map<string, Item[]>()
  for (const item of items) {
    const domain = key(item)
    const group = groups.get(domain)
    if (group) group.push(item)
    else groups.set(domain, [item])
  }
  return [...groups]
    .sort(([a], [b]) => compare(a, b))
    .map(([domain, grouped]) => ({domain, items: grouped}))
}

function countStatus(rows: ReadonlyMap<string, NameRow>, status: NameStatus): number {
  let count = 0
  for (const row of rows.values()) if (row.status === status) count++
  return count
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
