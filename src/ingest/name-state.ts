/**
 * What ingest accumulates per name while reading one source. Everything is kept as small
 * integers (ids of interned types, addresses, clients and names) so that a line updates a few
 * numbers; the graph's sorted, string-valued `Observation` is produced once at the end. The
 * counters every line touches live in NameCounters; the sets that rarely change live here.
 */
import {OUTCOMES, RAW_NAMES_LIMIT, type Observation, type Outcome} from '../graph/types.js'
import type {NameCounters} from './name-counters.js'
import {formatTime} from './shapes/index.js'

/** Outcome codes are indexes into the graph's `OUTCOMES`. */
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
  /** Name (key) ids. */
  cnameTo: Set<number>
  cnameFrom: Set<number>
  /** Client label ids. */
  clients: Set<number>
  /** The first line of this source that mentions the name. */
  firstLine: number
  /** Sorted, at most RAW_NAMES_LIMIT. */
  rawNames: string[]
}

/** Where a state's data outside the state itself is. */
export interface ObservationIds {
  /** Its NameCounters slots, one per query type. */
  slots: readonly number[]
  /** Address ids. */
  v4: readonly number[]
  v6: readonly number[]
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
    cnameTo: new Set(),
    cnameFrom: new Set(),
    clients: new Set(),
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

/**
 * Freeze a state into the graph's observation.
 *
 * @param counters Holds the state's counts.
 * @param ids Where its counts are and which addresses it had.
 * @param file The source name recorded in `places`.
 * @param dictionary Resolves the ids.
 */
export function toObservation(
  state: NameState,
  counters: NameCounters,
  ids: ObservationIds,
  file: string,
  dictionary: Dictionary,
): Observation {
  const keyId = state.keyId
  const queries: Record<string, number> = {}
  const outcomes: Observation['outcomes'] = {}
  for (const slot of ids.slots) {
    const type = dictionary.type(counters.typeOf(slot))
    const count = counters.queryCount(slot)
    if (count > 0) queries[type] = count
    for (let outcome = 0; outcome < OUTCOME_COUNT; outcome++) {
      const count = counters.outcomeCount(slot, outcome)
      if (count === 0) continue
      const perType = (outcomes[type] ??= {})
      perType[OUTCOMES[outcome] as Outcome] = count
    }
  }
  const observation: Observation = {
    queries: sortKeys(queries),
    outcomes: Object.fromEntries(
      Object.keys(outcomes)
        .sort()
        .map((type) => [type, sortKeys(outcomes[type] as Record<string, number>)]),
    ),
    addresses: {
      v4: strings(ids.v4, (id) => dictionary.address(id)),
      v6: strings(ids.v6, (id) => dictionary.address(id)),
    },
    cnameTo: strings(state.cnameTo, (id) => dictionary.key(id)),
    cnameFrom: strings(state.cnameFrom, (id) => dictionary.key(id)),
    clients: strings(state.clients, (id) => dictionary.client(id)),
    places: [{file, line: state.firstLine}],
    rawNames: [...state.rawNames],
    runs: 1,
  }
  if (counters.first(keyId) >= 0) {
    observation.firstSeen = formatTime(counters.first(keyId))
    observation.lastSeen = formatTime(counters.last(keyId))
  }
  return observation
}

/** Sorted strings of distinct ids; each dictionary gives distinct ids distinct strings. */
function strings(ids: Iterable<number>, resolve: (id: number) => string): string[] {
  const result: string[] = []
  for (const id of ids) result.push(resolve(id))
  return result.sort()
}

function sortKeys<T extends Record<string, number>>(record: T): T {
  const sorted: Record<string, number> = {}
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] as number
  return sorted as T
}
