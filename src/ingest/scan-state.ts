/**
 * What one scan found (a whole log, or one slice of it read by a worker thread), as ids and
 * flat integer arrays plus the few dictionaries that turn ids back into strings. It is cheap to
 * post between threads (the arrays are transferred, not copied) and cheap to merge, so the
 * slices of a large log are merged here, once, before any string-keyed object exists; the
 * graph's observations are built in a single pass at the end.
 *
 * Merging follows `mergeGraphs` for slices of one run: counts add, sets unite, times take the
 * extremes and the earliest first line wins, so slices give the graph a single pass gives.
 */
import {RAW_NAMES_LIMIT, OUTCOMES, type Observation, type Outcome} from '../graph/types.js'
import {SLOT_STRIDE} from './name-counters.js'
import {OUTCOME_COUNT} from './outcomes.js'
import {PairIndex} from './pair-index.js'
import {formatTime} from './shapes/index.js'

/** Per observed name in `ScanState.names`: key id, first line, first seen, last seen. */
export const NAME_RECORD = 4

export interface ScanState {
  /** Key id → graph key. */
  keys: string[]
  /** Type id → query type as logged. */
  types: string[]
  /** Address id → address text. */
  addresses: string[]
  /** Label id → client address or instance name. */
  labels: string[]
  /** NAME_RECORD numbers per observed name; times are -1 when no line had a timestamp. */
  names: Int32Array
  /** SLOT_STRIDE numbers per (name, type) slot: key, type, queries, outcome counts. */
  slots: Int32Array
  /** Flat pairs: (key, address) for v4 and v6, (alias, target) for cnames, (key, label). */
  v4: Int32Array
  v6: Int32Array
  cnames: Int32Array
  clients: Int32Array
  /** Sorted spellings (at most RAW_NAMES_LIMIT) by key id. */
  rawNames: Array<[number, string[]]>
}

/**
 * Merge the states of consecutive slices of one log.
 *
 * @param states In log order.
 * @param lineOffsets Lines before each slice, added to its first lines.
 * @returns One state; with a single state and no offset, that state itself.
 */
export function mergeScanStates(states: ScanState[], lineOffsets: number[]): ScanState {
  const first = states[0]
  if (!first) throw new TypeError('mergeScanStates: expected at least one state')
  if (states.length === 1 && (lineOffsets[0] ?? 0) === 0) return first
  const merged = new StateMerger()
  for (const [index, state] of states.entries()) merged.add(state, lineOffsets[index] ?? 0)
  return merged.result()
}

/** Accumulates states into shared dictionaries; ids are remapped as each state arrives. */
class StateMerger {
  private readonly keys = new Dictionary()
  private readonly types = new Dictionary()
  private readonly addresses = new Dictionary()
  private readonly labels = new Dictionary()
  /** By merged key id: first line, first seen, last seen (-1: none / not observed). */
  private readonly names: number[] = []
  private readonly slotIndex = new PairIndex()
  private readonly slotCounts: number[] = []
  private readonly v4 = new PairIndex()
  private readonly v6 = new PairIndex()
  private readonly cnames = new PairIndex()
  private readonly clients = new PairIndex()
  private readonly rawNames = new Map<number, string[]>()

  add(state: ScanState, lineOffset: number): void {
    const keys = state.keys.map((key) => this.keys.id(key))
    const types = state.types.map((type) => this.types.id(type))
    const addresses = state.addresses.map((address) => this.addresses.id(address))
    const labels = state.labels.map((label) => this.labels.id(label))
    for (let at = 0; at < state.names.length; at += NAME_RECORD) {
      const key = keys[state.names[at] as number] as number
      while (this.names.length < (key + 1) * 3) this.names.push(-1)
      const line = (state.names[at + 1] as number) + lineOffset
      const seen = state.names[at + 2] as number
      const last = state.names[at + 3] as number
      const base = key * 3
      const known = this.names[base] as number
      if (known < 0 || line < known) this.names[base] = line
      const firstSeen = this.names[base + 1] as number
      if (seen >= 0 && (firstSeen < 0 || seen < firstSeen)) this.names[base + 1] = seen
      if (last > (this.names[base + 2] as number)) this.names[base + 2] = last
    }
    for (let at = 0; at < state.slots.length; at += SLOT_STRIDE) {
      const slot = this.slotIndex.indexOf(
        keys[state.slots[at] as number] as number,
        types[state.slots[at + 1] as number] as number,
      )
      while (this.slotCounts.length < (slot + 1) * SLOT_STRIDE) this.slotCounts.push(0)
      for (let field = 2; field < SLOT_STRIDE; field++) {
        ;(this.slotCounts[slot * SLOT_STRIDE + field] as number) += state.slots[
          at + field
        ] as number
      }
    }
    addPairs(this.v4, state.v4, keys, addresses)
    addPairs(this.v6, state.v6, keys, addresses)
    addPairs(this.cnames, state.cnames, keys, keys)
    addPairs(this.clients, state.clients, keys, labels)
    for (const [keyId, spellings] of state.rawNames) {
      const key = keys[keyId] as number
      const known = this.rawNames.get(key) ?? []
      this.rawNames.set(
        key,
        [...new Set([...known, ...spellings])].sort().slice(0, RAW_NAMES_LIMIT),
      )
    }
  }

  result(): ScanState {
    const names: number[] = []
    for (let key = 0; key * 3 < this.names.length; key++) {
      const base = key * 3
      if ((this.names[base] as number) < 0) continue
      names.push(key, this.names[base] as number, this.names[base + 1] as number)
      names.push(this.names[base + 2] as number)
    }
    const slots = Int32Array.from(this.slotCounts)
    const slotPairs = this.slotIndex.pairs()
    for (let slot = 0; slot < this.slotIndex.size; slot++) {
      slots[slot * SLOT_STRIDE] = slotPairs[slot * 2] as number
      slots[slot * SLOT_STRIDE + 1] = slotPairs[slot * 2 + 1] as number
    }
    return {
      keys: this.keys.values,
      types: this.types.values,
      addresses: this.addresses.values,
      labels: this.labels.values,
      names: Int32Array.from(names),
      slots,
      v4: this.v4.pairs(),
      v6: this.v6.pairs(),
      cnames: this.cnames.pairs(),
      clients: this.clients.pairs(),
      rawNames: [...this.rawNames],
    }
  }
}

/** Strings to dense ids, in order of first appearance. */
class Dictionary {
  readonly values: string[] = []
  private readonly ids = new Map<string, number>()

  id(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.values.push(value)
      this.ids.set(value, id)
    }
    return id
  }
}

function addPairs(
  index: PairIndex,
  pairs: Int32Array,
  firsts: readonly number[],
  seconds: readonly number[],
): void {
  for (let at = 0; at < pairs.length; at += 2) {
    index.add(firsts[pairs[at] as number] as number, seconds[pairs[at + 1] as number] as number)
  }
}

/**
 * The observations of a state, sorted by key.
 *
 * @param state What the scan found.
 * @param file The source name recorded in `places`.
 * @returns `[key, observation]` for every observed name.
 */
export function scanObservations(state: ScanState, file: string): Array<[string, Observation]> {
  const byKey = new Map<number, Observation>()
  for (let at = 0; at < state.names.length; at += NAME_RECORD) {
    const observation: Observation = {
      queries: {},
      outcomes: {},
      addresses: {v4: [], v6: []},
      cnameTo: [],
      cnameFrom: [],
      clients: [],
      places: [{file, line: state.names[at + 1] as number}],
      rawNames: [],
      runs: 1,
    }
    const firstSeen = state.names[at + 2] as number
    if (firstSeen >= 0) {
      observation.firstSeen = formatTime(firstSeen)
      observation.lastSeen = formatTime(state.names[at + 3] as number)
    }
    byKey.set(state.names[at] as number, observation)
  }
  const of = (keyId: number): Observation => byKey.get(keyId) as Observation
  for (let at = 0; at < state.slots.length; at += SLOT_STRIDE) {
    const observation = of(state.slots[at] as number)
    const type = state.types[state.slots[at + 1] as number] as string
    const queries = state.slots[at + 2] as number
    if (queries > 0) observation.queries[type] = queries
    for (let outcome = 0; outcome < OUTCOME_COUNT; outcome++) {
      const count = state.slots[at + 3 + outcome] as number
      if (count > 0) (observation.outcomes[type] ??= {})[OUTCOMES[outcome] as Outcome] = count
    }
  }
  for (let at = 0; at < state.v4.length; at += 2) {
    of(state.v4[at] as number).addresses.v4.push(
      state.addresses[state.v4[at + 1] as number] as string,
    )
  }
  for (let at = 0; at < state.v6.length; at += 2) {
    of(state.v6[at] as number).addresses.v6.push(
      state.addresses[state.v6[at + 1] as number] as string,
    )
  }
  for (let at = 0; at < state.cnames.length; at += 2) {
    const alias = state.cnames[at] as number
    const target = state.cnames[at + 1] as number
    of(alias).cnameTo.push(state.keys[target] as string)
    of(target).cnameFrom.push(state.keys[alias] as string)
  }
  for (let at = 0; at < state.clients.length; at += 2) {
    of(state.clients[at] as number).clients.push(
      state.labels[state.clients[at + 1] as number] as string,
    )
  }
  for (const [keyId, spellings] of state.rawNames) of(keyId).rawNames = [...spellings]
  const entries: Array<[string, Observation]> = []
  for (const [keyId, observation] of byKey) {
    entries.push([state.keys[keyId] as string, sortObservation(observation)])
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** Sort every list and record of an observation built in arrival order. */
function sortObservation(observation: Observation): Observation {
  observation.queries = sortKeys(observation.queries)
  const outcomes: Observation['outcomes'] = {}
  for (const type of Object.keys(observation.outcomes).sort()) {
    outcomes[type] = sortKeys(observation.outcomes[type] as Record<string, number>)
  }
  observation.outcomes = outcomes
  observation.addresses.v4.sort()
  observation.addresses.v6.sort()
  observation.cnameTo.sort()
  observation.cnameFrom.sort()
  observation.clients.sort()
  return observation
}

function sortKeys<T extends Record<string, number>>(record: T): T {
  const sorted: Record<string, number> = {}
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] as number
  return sorted as T
}
