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
import {CLIENT_LABEL_BITS, NAME_RECORD, SLOT_STRIDE} from './scan-records.js'
import {Dictionary} from './dictionary.js'
import {withRoomFor} from './int-arrays.js'
import {PairIndex} from './pair-index.js'
import {formatTime} from './format-time.js'

/** Per key while merging: first line's slice, first line, first seen, last seen, client bits. */
const MERGED_NAME = 5

/** The integer arrays of a scan state, by the ids of its dictionaries. */
export interface ScanArrays {
  /** NAME_RECORD numbers per observed name; times are -1 when no line had a timestamp. */
  names: Int32Array
  /** SLOT_STRIDE numbers per (name, type) slot: key, type, queries, outcome counts. */
  slots: Int32Array
  /**
   * Flat pairs: (key, address) for v4 and v6, (alias, target) for cnames, (key, label) for
   * labels past the names' client bits.
   */
  v4: Int32Array
  v6: Int32Array
  cnames: Int32Array
  clients: Int32Array
}

export interface ScanState extends ScanArrays {
  /** Key id → graph key. */
  keys: string[]
  /** Type id → query type as logged. */
  types: string[]
  /** Address id → address text. */
  addresses: string[]
  /** Label id → client address or instance name. */
  labels: string[]
  /** Sorted spellings (at most RAW_NAMES_LIMIT) by key id. */
  rawNames: Array<[number, string[]]>
}

/**
 * Merges the states of the slices of one log into shared dictionaries, remapping ids as each
 * state arrives: in any order, so that the first slice done is merged while others still
 * scan. Line numbers are slice-relative until `result` learns how many lines came before each.
 */
export class StateMerger {
  private readonly keys = new Dictionary()
  private readonly types = new Dictionary()
  private readonly addresses = new Dictionary()
  private readonly labels = new Dictionary()
  /**
   * By merged key id: slice and line of its first line, first seen, last seen (-1: none / not
   * observed).
   */
  private names: Int32Array = new Int32Array(0)
  private readonly slotIndex = new PairIndex()
  /** SLOT_STRIDE numbers per merged slot; key and type are filled in by `result`. */
  private slotCounts: Int32Array = new Int32Array(0)
  private readonly v4 = new PairIndex()
  private readonly v6 = new PairIndex()
  private readonly cnames = new PairIndex()
  private readonly clients = new PairIndex()
  private readonly rawNames = new Map<number, string[]>()

  /** @param slice The state's slice: 0 for the first in the log, and so on. */
  add(state: ScanState, slice: number): void {
    const keys = this.keys.idsOf(state.keys)
    const types = this.types.idsOf(state.types)
    const addresses = this.addresses.idsOf(state.addresses)
    const labels = this.labels.idsOf(state.labels)
    this.names = withRoomFor(this.names, this.keys.values.length * MERGED_NAME - 1, -1)
    const names = this.names
    // Client bits are by this state's label ids: where each lands among the merged labels.
    const bitLabels = labels.subarray(0, Math.min(labels.length, CLIENT_LABEL_BITS))
    for (let at = 0; at < state.names.length; at += NAME_RECORD) {
      const base = (keys[state.names[at] as number] as number) * MERGED_NAME
      const line = state.names[at + 1] as number
      const seen = state.names[at + 2] as number
      const last = state.names[at + 3] as number
      const knownSlice = names[base] as number
      // First seen: no client bits yet (the array's fill, -1, would read as all of them).
      if (knownSlice < 0) names[base + 4] = 0
      if (
        knownSlice < 0 ||
        slice < knownSlice ||
        (slice === knownSlice && line < (names[base + 1] as number))
      ) {
        names[base] = slice
        names[base + 1] = line
      }
      const firstSeen = names[base + 2] as number
      if (seen >= 0 && (firstSeen < 0 || seen < firstSeen)) names[base + 2] = seen
      if (last > (names[base + 3] as number)) names[base + 3] = last
      this.addClientBits(base / MERGED_NAME, state.names[at + 4] as number, bitLabels)
    }
    for (let at = 0; at < state.slots.length; at += SLOT_STRIDE) {
      const slot = this.slotIndex.indexOf(
        keys[state.slots[at] as number] as number,
        types[state.slots[at + 1] as number] as number,
      )
      this.slotCounts = withRoomFor(this.slotCounts, slot * SLOT_STRIDE + SLOT_STRIDE - 1)
      const counts = this.slotCounts
      for (let field = 2; field < SLOT_STRIDE; field++) {
        ;(counts[slot * SLOT_STRIDE + field] as number) += state.slots[at + field] as number
      }
    }
    addPairs(this.v4, state.v4, keys, addresses)
    addPairs(this.v6, state.v6, keys, addresses)
    addPairs(this.cnames, state.cnames, keys, keys)
    // A label past this state's client bits may fall within the merged ones, and back.
    for (let at = 0; at < state.clients.length; at += 2) {
      const keyId = keys[state.clients[at] as number] as number
      this.addClient(keyId, labels[state.clients[at + 1] as number] as number)
    }
    for (const [keyId, spellings] of state.rawNames) {
      const key = keys[keyId] as number
      const known = this.rawNames.get(key)
      // Slices mostly saw a name spelled the same way.
      if (known && !sameStrings(known, spellings)) {
        this.rawNames.set(
          key,
          [...new Set([...known, ...spellings])].sort().slice(0, RAW_NAMES_LIMIT),
        )
      } else if (!known) this.rawNames.set(key, spellings)
    }
  }

  /** Add a name's client bits, numbered by `bitLabels`' state, to its merged record. */
  private addClientBits(keyId: number, bits: number, bitLabels: Int32Array): void {
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      this.addClient(keyId, bitLabels[31 - Math.clz32(rest & -rest)] as number)
    }
  }

  /** Note merged client `label` for merged key `keyId`: as a bit when it has one, else a pair. */
  private addClient(keyId: number, label: number): void {
    if (label >= CLIENT_LABEL_BITS) {
      this.clients.add(keyId, label)
      return
    }
    const at = keyId * MERGED_NAME + 4
    this.names[at] = (this.names[at] as number) | (1 << label)
  }

  /** @param lineOffsets Per slice, the lines before it, added to its line numbers. */
  result(lineOffsets: readonly number[]): ScanState {
    const names: number[] = []
    const merged = this.names
    for (let base = 0; base < this.keys.values.length * MERGED_NAME; base += MERGED_NAME) {
      const slice = merged[base] as number
      if (slice < 0) continue
      const line = (merged[base + 1] as number) + (lineOffsets[slice] ?? 0)
      names.push(base / MERGED_NAME, line, merged[base + 2] as number, merged[base + 3] as number)
      names.push(merged[base + 4] as number)
    }
    const slots = this.slotCounts.slice(0, this.slotIndex.size * SLOT_STRIDE)
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

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index])
}

function addPairs(
  index: PairIndex,
  pairs: Int32Array,
  firsts: Int32Array,
  seconds: Int32Array,
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
  const keyCount = state.keys.length
  const lists = (): Array<string[] | undefined> => new Array<string[] | undefined>(keyCount)
  const push = (byKey: Array<string[] | undefined>, keyId: number, value: string): void => {
    const list = byKey[keyId]
    if (list) list.push(value)
    else byKey[keyId] = [value]
  }
  const v4 = lists()
  const v6 = lists()
  const cnameTo = lists()
  const cnameFrom = lists()
  const clients = lists()
  for (let at = 0; at < state.v4.length; at += 2) {
    push(v4, state.v4[at] as number, state.addresses[state.v4[at + 1] as number] as string)
  }
  for (let at = 0; at < state.v6.length; at += 2) {
    push(v6, state.v6[at] as number, state.addresses[state.v6[at + 1] as number] as string)
  }
  for (let at = 0; at < state.cnames.length; at += 2) {
    const alias = state.cnames[at] as number
    const target = state.cnames[at + 1] as number
    push(cnameTo, alias, state.keys[target] as string)
    push(cnameFrom, target, state.keys[alias] as string)
  }
  for (let at = 0; at < state.clients.length; at += 2) {
    push(
      clients,
      state.clients[at] as number,
      state.labels[state.clients[at + 1] as number] as string,
    )
  }
  const slots = slotsByKey(state)
  const rawNames = new Map(state.rawNames)
  const clientsOf = clientLists(state.labels)
  // Names seen in the same second share their time texts.
  const times = new Map<number, string>()
  const timeText = (time: number): string => {
    let text = times.get(time)
    if (text === undefined) times.set(time, (text = formatTime(time)))
    return text
  }
  const entries: Array<[string, Observation]> = []
  for (let at = 0; at < state.names.length; at += NAME_RECORD) {
    const keyId = state.names[at] as number
    const [queries, outcomes] = countRecords(state, slots[keyId])
    const firstSeen = state.names[at + 2] as number
    const observation: Observation = {
      queries,
      outcomes,
      addresses: {v4: sorted(v4[keyId]), v6: sorted(v6[keyId])},
      cnameTo: sorted(cnameTo[keyId]),
      cnameFrom: sorted(cnameFrom[keyId]),
      clients: clientsOf(state.names[at + 4] as number, clients[keyId]),
      ...(firstSeen < 0
        ? {}
        : {firstSeen: timeText(firstSeen), lastSeen: timeText(state.names[at + 3] as number)}),
      places: [{file, line: state.names[at + 1] as number}],
      rawNames: [...(rawNames.get(keyId) ?? [])],
      runs: 1,
    }
    entries.push([state.keys[keyId] as string, observation])
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * A name's sorted client labels from its client bits and its other labels (`more`): names
 * share a few sets of bits, so each set is sorted once.
 */
function clientLists(
  labels: readonly string[],
): (bits: number, more: string[] | undefined) => string[] {
  const sortedIds = labels
    .slice(0, CLIENT_LABEL_BITS)
    .map((label, id) => [label, id] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, id]) => id)
  const byBits = new Map<number, string[]>()
  return (bits, more) => {
    let list = byBits.get(bits)
    if (!list) {
      list = sortedIds.filter((id) => (bits & (1 << id)) !== 0).map((id) => labels[id] as string)
      byBits.set(bits, list)
    }
    return more ? [...list, ...more].sort() : [...list]
  }
}

/** Outcome indexes in the alphabetical order of their names, the order records are written in. */
const OUTCOMES_SORTED = OUTCOMES.map((name, index) => [name, index] as const)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([, index]) => index)

/** Each key's slot offsets, ordered by query type. */
function slotsByKey(state: ScanState): Array<number[] | undefined> {
  const slots = new Array<number[] | undefined>(state.keys.length)
  for (let at = 0; at < state.slots.length; at += SLOT_STRIDE) {
    const keyId = state.slots[at] as number
    const list = slots[keyId]
    if (list) list.push(at)
    else slots[keyId] = [at]
  }
  const typeOf = (at: number): string => state.types[state.slots[at + 1] as number] as string
  for (const list of slots) {
    if (list && list.length > 1) list.sort((a, b) => (typeOf(a) < typeOf(b) ? -1 : 1))
  }
  return slots
}

/** A key's query and outcome records, keys sorted. */
function countRecords(
  state: ScanState,
  slots: readonly number[] | undefined,
): [Observation['queries'], Observation['outcomes']] {
  const queries: Observation['queries'] = {}
  const outcomes: Observation['outcomes'] = {}
  for (const at of slots ?? []) {
    const type = state.types[state.slots[at + 1] as number] as string
    const count = state.slots[at + 2] as number
    if (count > 0) queries[type] = count
    for (const outcome of OUTCOMES_SORTED) {
      const times = state.slots[at + 3 + outcome] as number
      if (times > 0) (outcomes[type] ??= {})[OUTCOMES[outcome] as Outcome] = times
    }
  }
  return [queries, outcomes]
}

function sorted(list: string[] | undefined): string[] {
  return list ? list.sort() : []
}
