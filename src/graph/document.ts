/**
 * The graph on disk: a versioned JSON document (`"schema": "allowlist-graph/1"`) with the runs
 * count, the source summaries and one entry per observed name, keys sorted, so the same graph
 * always serialises to the same bytes. Reading one back is load-document.ts, which carries the
 * schema validator: commands that only write graphs never load it.
 */
import {writeFileAtomic} from '../fs/write-atomic.js'
import {observedNodes} from './tree.js'
import {
  GRAPH_SCHEMA,
  type DomainNode,
  type Observation,
  type Root,
  type SourceSummary,
} from './types.js'

/** The serialised graph. */
export interface GraphDocument {
  schema: typeof GRAPH_SCHEMA
  runs: number
  sources: SourceSummary[]
  names: Record<string, Observation>
}

/** Everything in the document before its names. */
export type DocumentHead = Omit<GraphDocument, 'names'>

/**
 * The document for a graph: names sorted, every record's keys sorted.
 *
 * @param root The graph.
 * @returns A plain object ready for `JSON.stringify`.
 */
export function graphToDocument(root: Root): GraphDocument {
  const entries: Array<[string, Observation]> = []
  for (const node of observedNodes(root)) {
    entries.push([node.name, canonicalObservation(node.data.observation)])
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    schema: GRAPH_SCHEMA,
    runs: root.data?.runs ?? 0,
    sources: (root.data?.sources ?? []).map((source) => ({...source})),
    names: Object.fromEntries(entries),
  }
}

/** The document's text: two-space JSON with a final newline. */
export function serializeGraph(root: Root): string {
  // Byte for byte `JSON.stringify(graphToDocument(root), undefined, 2)`, in one native call
  // over views that share what is already in document shape instead of copying it.
  const nodes = [...observedNodes(root)].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )
  const head: DocumentHead = {
    schema: GRAPH_SCHEMA,
    runs: root.data?.runs ?? 0,
    sources: root.data?.sources ?? [],
  }
  if (nodes.some((node) => isArrayIndex(node.name))) return serializeInOrder(head, nodes)
  const names: Record<string, Observation> = {}
  for (const node of nodes) names[node.name] = documentView(node.data.observation)
  return `${JSON.stringify({...head, names}, undefined, 2)}\n`
}

/**
 * The document's text around its `names` entries, already written as UTF-8 in the layout
 * `serializeGraph` gives them (by the compiled writer, assembly/document.ts).
 *
 * @param head Everything but the names.
 * @param names The entries, each starting on a new line, `,` between them; empty for none.
 * @returns The whole document, final newline included.
 */
export function documentText(head: DocumentHead, names: Uint8Array): Buffer {
  return Buffer.concat([
    Buffer.from(openNames(head)),
    names,
    Buffer.from(names.length > 0 ? '\n  }\n}\n' : '}\n}\n'),
  ])
}

/**
 * The document's text when some names are array indexes (`"0"`, `"42"`): objects list such
 * keys first whatever the insertion order, so each entry is stringified on its own to keep the
 * sorted order.
 */
function serializeInOrder(
  head: DocumentHead,
  nodes: Array<DomainNode & {data: {observation: Observation}}>,
): string {
  const entries = nodes.map(
    (node) =>
      `    ${JSON.stringify(node.name)}: ${JSON.stringify(documentView(node.data.observation), undefined, 2).replaceAll('\n', '\n    ')}`,
  )
  return `${openNames(head)}\n${entries.join(',\n')}\n  }\n}\n`
}

/** The document's text up to the `{` that opens its names. */
function openNames(head: DocumentHead): string {
  // Without its closing `\n}`, the head goes on with the names.
  return `${JSON.stringify(head, undefined, 2).slice(0, -2)},\n  "names": {`
}

/** A key JavaScript objects order before all others (`"0"`, `"42"`, up to 2³² − 2). */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4_294_967_295
}

/**
 * Write a graph to `file` atomically.
 *
 * @param root The graph.
 * @param file Target path; its directory must exist.
 */
export async function saveGraph(root: Root, file: string): Promise<void> {
  await writeFileAtomic(file, serializeGraph(root))
}

/** A copy with sorted record keys and optional fields only when present, in a fixed key order. */
export function canonicalObservation(observation: Observation): Observation {
  const view = documentView(observation)
  return {
    ...view,
    queries: {...view.queries},
    outcomes: Object.fromEntries(
      Object.entries(view.outcomes).map(([type, counts]) => [type, {...counts}]),
    ),
    addresses: {v4: [...view.addresses.v4], v6: [...view.addresses.v6]},
    cnameTo: [...view.cnameTo],
    cnameFrom: [...view.cnameFrom],
    clients: [...view.clients],
    places: view.places.map((place) => ({...place})),
    rawNames: [...view.rawNames],
  }
}

/**
 * The observation as the document writes it: fields in a fixed order, optional ones only when
 * present, record keys sorted. What is already in that shape (ingest builds it so) is shared,
 * not copied: serialising a large graph then allocates little besides its text.
 */
function documentView(observation: Observation): Observation {
  const {outcomes} = observation
  const types = Object.keys(outcomes)
  let sortedOutcomes = outcomes
  if (!isSorted(types) || types.some((type) => sortKeys(outcomes[type] ?? {}) !== outcomes[type])) {
    sortedOutcomes = {}
    for (const type of types.sort()) sortedOutcomes[type] = sortKeys(outcomes[type] ?? {})
  }
  const {v4, v6} = observation.addresses
  const plainPlaces = observation.places.every((place) => hasKeys(place, ['file', 'line']))
  return {
    queries: sortKeys(observation.queries),
    outcomes: sortedOutcomes,
    addresses: hasKeys(observation.addresses, ['v4', 'v6']) ? observation.addresses : {v4, v6},
    cnameTo: observation.cnameTo,
    cnameFrom: observation.cnameFrom,
    clients: observation.clients,
    ...(observation.firstSeen === undefined ? {} : {firstSeen: observation.firstSeen}),
    ...(observation.lastSeen === undefined ? {} : {lastSeen: observation.lastSeen}),
    places: plainPlaces
      ? observation.places
      : observation.places.map((place) => ({file: place.file, line: place.line})),
    rawNames: observation.rawNames,
    runs: observation.runs,
  }
}

/** `record` itself when its keys are sorted, else a copy that has them sorted. */
function sortKeys<T extends Record<string, number | undefined>>(record: T): T {
  const keys = Object.keys(record)
  if (isSorted(keys)) return record
  const sorted: Record<string, number | undefined> = {}
  for (const key of keys.sort()) sorted[key] = record[key]
  return sorted as T
}

/** Whether `record` has exactly `keys`, in that order. */
function hasKeys(record: object, keys: readonly string[]): boolean {
  const own = Object.keys(record)
  return own.length === keys.length && own.every((key, index) => key === keys[index])
}

function isSorted(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index++) {
    if ((keys[index - 1] as string) >= (keys[index] as string)) return false
  }
  return true
}
