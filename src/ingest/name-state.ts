/**
 * What ingest accumulates per name while reading one source: maps and sets that are cheap to
 * update on every line, turned into the graph's sorted `Observation` once at the end.
 */
import type {Observation, Outcome} from '../graph/types.js'
import {formatTime} from './shapes/index.js'

/** At most this many spellings are kept per name (the graph's `rawNames` limit). */
export const RAW_NAMES_LIMIT = 8

export interface NameState {
  key: string
  queries: Map<string, number>
  outcomes: Map<string, Map<Outcome, number>>
  v4: Set<string>
  v6: Set<string>
  cnameTo: Set<string>
  cnameFrom: Set<string>
  clients: Set<string>
  /** Seconds (see shapes/timestamp.ts); -1 until a line with a time mentions the name. */
  firstSeen: number
  lastSeen: number
  /** The first line of this source that mentions the name. */
  firstLine: number
  /** Sorted, at most RAW_NAMES_LIMIT. */
  rawNames: string[]
}

export function createNameState(key: string, line: number): NameState {
  return {
    key,
    queries: new Map(),
    outcomes: new Map(),
    v4: new Set(),
    v6: new Set(),
    cnameTo: new Set(),
    cnameFrom: new Set(),
    clients: new Set(),
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

export function countOutcome(state: NameState, type: string, outcome: Outcome): void {
  let perType = state.outcomes.get(type)
  if (!perType) {
    perType = new Map()
    state.outcomes.set(type, perType)
  }
  perType.set(outcome, (perType.get(outcome) ?? 0) + 1)
}

/**
 * Freeze a state into the graph's observation.
 *
 * @param file The source name recorded in `places`.
 */
export function toObservation(state: NameState, file: string): Observation {
  const outcomes: Observation['outcomes'] = {}
  for (const [type, counts] of sortedEntries(state.outcomes)) {
    outcomes[type] = Object.fromEntries(sortedEntries(counts))
  }
  const observation: Observation = {
    queries: Object.fromEntries(sortedEntries(state.queries)),
    outcomes,
    addresses: {v4: [...state.v4].sort(), v6: [...state.v6].sort()},
    cnameTo: [...state.cnameTo].sort(),
    cnameFrom: [...state.cnameFrom].sort(),
    clients: [...state.clients].sort(),
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

function sortedEntries<K extends string, V>(map: Map<K, V>): Array<[K, V]> {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
