/**
 * The domain graph: a unist tree of the DNS namespace (root → TLD → … → name).
 *
 * Every label is a `domain` node; a node that was seen in a log carries an `Observation` in
 * `data.observation`. Policy rules later record their decision on the same node in
 * `data.decision`. The graph knows nothing about policy: it only says what was observed.
 */
import type {Data, Node, Parent} from 'unist'

/** The format version written into every serialised graph (`"schema"` key). */
export const GRAPH_SCHEMA = 'allowlist-graph/1'

/** A log line: the file it came from (`-` for stdin) and its 1-based line number. */
export interface LogPlace {
  file: string
  line: number
}

/**
 * How dnsmasq settled a query (or an answer that arrived as part of a CNAME chain).
 * - `address`: an A/AAAA/other positive record; `cname`: the name is an alias;
 * - `nxdomain`, `nodata` (including `NODATA-IPv4`/`NODATA-IPv6`): negative answers;
 * - `refused`: `reply error is REFUSED` (upstream failure), `unanswered`: forwarded, never answered;
 * - `config`, `hosts`, `dhcp`: answered locally by dnsmasq (`config` lines, a hosts file, a lease).
 */
export type Outcome = (typeof OUTCOMES)[number]

/**
 * Every outcome, for validating documents and generating test graphs. Ingest numbers outcomes by
 * their index here, so the order is part of the contract.
 */
export const OUTCOMES = [
  'address',
  'cname',
  'nxdomain',
  'nodata',
  'refused',
  'unanswered',
  'config',
  'hosts',
  'dhcp',
] as const

/** At most this many raw spellings are kept per name, by ingest and by merge alike. */
export const RAW_NAMES_LIMIT = 8

/** What the logs say about one name. Arrays are sorted and free of duplicates. */
export interface Observation {
  /** Query count per query type as dnsmasq logs it (`A`, `AAAA`, `HTTPS`, `type=65`, …). */
  queries: Record<string, number>
  /** Per query type, how often each outcome was seen. CNAME-chain members use the asking type. */
  outcomes: Record<string, Partial<Record<Outcome, number>>>
  /** Addresses this name resolved to (answers to it directly, not through its CNAME targets). */
  addresses: {v4: string[]; v6: string[]}
  /** Names this name is a CNAME for (the next link of each chain), lowercased ASCII. */
  cnameTo: string[]
  /** Names that are CNAMEs pointing at this name. */
  cnameFrom: string[]
  /** Who asked: client IPs, or instance names when the log came from a capture. */
  clients: string[]
  /** Earliest and latest log timestamp, ISO 8601 (`--MM-DDThh:mm:ss` when the log has no year). */
  firstSeen?: string
  lastSeen?: string
  /** The first line mentioning the name in each source file, sorted by file then line. */
  places: LogPlace[]
  /** The distinct spellings logged for this name (case, trailing dot, hostile bytes), at most 8. */
  rawNames: string[]
  /** In how many captures or merged runs the name appeared; 1 for a single log. */
  runs: number
}

/** A policy decision recorded on a node (written by `src/policy/`, never by the graph). */
export interface Decision {
  /** `true` when the name contributes to the allow-list. */
  kept: boolean
  /** The rule that decided last, e.g. `collapse` (the `allowlist:` prefix is implied). */
  ruleId: string
  /** Human-readable reason, as in the rule's message. */
  reason: string
  /** The entry the name maps to, when kept (e.g. `example.com`). */
  entry?: string
}

export interface DomainData extends Data {
  observation?: Observation
  decision?: Decision
}

/** One label of the namespace. `name` is the full lowercase ASCII name (`a.example.com`). */
export interface DomainNode extends Parent {
  type: 'domain'
  label: string
  name: string
  children: DomainNode[]
  data?: DomainData
}

/** Facts about one ingested source. */
export interface SourceSummary {
  /** The path as given on the command line, or `-` for stdin. */
  file: string
  /** Which dnsmasq line shape dominated: plain log-facility, `log-queries=extra`, syslog, journald. */
  shape: 'plain' | 'extra' | 'syslog' | 'journald' | 'empty'
  gzip: boolean
  lines: number
  queries: number
  /** Lines that looked like neither dnsmasq nor known noise. */
  unparsed: number
}

export interface RootData extends Data {
  sources?: SourceSummary[]
  /** How many captures or logs were merged into this graph. */
  runs?: number
}

export interface Root extends Parent {
  type: 'root'
  children: DomainNode[]
  data?: RootData
}

export type GraphNode = Root | DomainNode

/** Type guard for unist nodes of the graph. */
export function isDomainNode(node: Node): node is DomainNode {
  return node.type === 'domain'
}
