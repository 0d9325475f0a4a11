/**
 * What ingest accumulates per name while reading one source. Everything is kept as small
 * integers (ids of interned types, addresses, clients and names) so that a line updates a few
 * numbers; the graph's sorted, string-valued `Observation` is produced once at the end.
 */
import type {Observation, Outcome} from '../graph/types.js'
import {formatTime} from './shapes/index.js'

/** At most this many spellings are kept per name. KEEP IN SYNC with src/graph/merge.ts */
export const RAW_NAMES_LIMIT = 8

/** Outcomes in the order of their numeric codes. */
export const OUTCOMES: readonly Outcome[] = [
  'address',
  'cname',
  'nxdomain',
  'nodata',
  'refused',
  'unanswered',
  'config',
  'hosts',
  'dhcp',
]
export const OUTCOME_COUNT = OUTCOMES.length
export const OUTCOME_ADDRESS = 0
export const OUTCOME_CNAME = 1
export const OUTCOME_NXDOMAIN = 2
export const OUTCOME_NODATA = 3
export const OUTCOME_REFUSED = 4
export const OUTCOME_UNANSWERED = 5
export const OUTCOME_CONFIG = 6
export const OUTCOME_HOSTS = 7
export const OUTCOME_DHCP = 8

export interface NameState {
  keyId: number
  /** Query count by type id (typed arrays: no holes, grown on demand). */
  queries: Int32Array
  /** Outcome count at `typeId * OUTCOME_COUNT + outcome`. */
  outcomes: Int32Array
  /** Address ids. */
  v4: Set<number>
  v6: Set<number>
  /** Name (key) ids. */
  cnameTo: Set<number>
  cnameFrom: Set<number>
  /** Client label ids. */
  clients: Set<number>
  /** The label added last, to skip the set for repeated askers. */
  lastClient: number
  /** Seconds (see shapes/timestamp.ts); -1 until a line with a time mentions the name. */
  firstSeen: number
  lastSeen: number
  /** The first line of this source that mentions the name. */
  firstLine: number
  /** Sorted, at most RAW_NAMES_LIMIT. */
  rawNames: string[]
}

/** Turns the ids a NameState holds back into strings. */
export interface Dictionary {
  key(id: number): string
  type(id: number): string
  address(id: number): string
  client(id: number): string
}

export function createNameState(keyId: number, line: number): NameState {
  return {
    keyId,
    queries: new Int32Array(4),
    outcomes: new Int32Array(4 * OUTCOME_COUNT),
    v4: new Set(),
    v6: new Set(),
    cnameTo: new Set(),
    cnameFrom: new Set(),
    clients: new Set(),
    lastClient: -1,
    firstSeen: -1,
    lastSeen: -1,
    firstLine: line,
    rawNames: [],
  }
}

/** Record a spelling, keeping the first RAW_NAMES_LIMIT in sort order (as merging does). */
export function addRawName(state: NameState, raw: string): void {
  const names = state.rawNames
  if (names.includes(raw)) return
  if (names.length >= RAW_NAMES_LIMIT && raw >= (names[names.length - 1] ?? '')) return
  names.push(raw)
  names.sort()
  if (names.length > RAW_NAMES_LIMIT) names.length = RAW_NAMES_LIMIT
}

export function seenAt(state: NameState, time: number): void {
  if (state.firstSeen < 0 || time < state.firstSeen) state.firstSeen = time
  if (time > state.lastSeen) state.lastSeen = time
}

export function countQuery(state: NameState, typeId: number): void {
  if (typeId >= state.queries.length) state.queries = grow(state.queries, (typeId + 4) * 2)
  ;(state.queries[typeId] as number)++
}

export function countOutcome(state: NameState, typeId: number, outcome: number): void {
  const index = typeId * OUTCOME_COUNT + outcome
  if (index >= state.outcomes.length) {
    state.outcomes = grow(state.outcomes, (typeId + 4) * 2 * OUTCOME_COUNT)
  }
  ;(state.outcomes[index] as number)++
}

function grow(array: Int32Array, length: number): Int32Array {
  const grown = new Int32Array(length)
  grown.set(array)
  return grown
}

/**
 * Freeze a state into the graph's observation.
 *
 * @param file The source name recorded in `places`.
 * @param dictionary Resolves the ids.
 */
export function toObservation(state: NameState, file: string, dictionary: Dictionary): Observation {
  const queries: Record<string, number> = {}
  state.queries.forEach((count, typeId) => {
    if (count > 0) queries[dictionary.type(typeId)] = count
  })
  const outcomes: Observation['outcomes'] = {}
  state.outcomes.forEach((count, index) => {
    if (!(count > 0)) return
    const type = dictionary.type(Math.floor(index / OUTCOME_COUNT))
    const perType = (outcomes[type] ??= {})
    perType[OUTCOMES[index % OUTCOME_COUNT] as Outcome] = count
  })
  const observation: Observation = {
    queries: sortKeys(queries),
    outcomes: Object.fromEntries(
      Object.keys(outcomes)
        .sort()
        .map((type) => [type, sortKeys(outcomes[type] as Record<string, number>)]),
    ),
    addresses: {
      v4: strings(state.v4, (id) => dictionary.address(id)),
      v6: strings(state.v6, (id) => dictionary.address(id)),
    },
    cnameTo: strings(state.cnameTo, (id) => dictionary.key(id)),
    cnameFrom: strings(state.cnameFrom, (id) => dictionary.key(id)),
    clients: strings(state.clients, (id) => dictionary.client(id)),
    places: [{file, line: state.firstLine}],
    rawNames: [...state.rawNames],
    runs: 1,
  }
  if (state.firstSeen >= 0) {
    observation.firstSeen = formatTime(state.firstSeen)
    observation.lastSeen = formatTime(state.lastSeen)
  }
  return observation
}

function strings(ids: Set<number>, resolve: (id: number) => string): string[] {
  return [...new Set([...ids].map((id) => resolve(id)))].sort()
}

function sortKeys<T extends Record<string, number>>(record: T): T {
  const sorted: Record<string, number> = {}
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] as number
  return sorted as T
}
