/**
 * The per-name numbers ingest updates on almost every line (query counts by type, outcome
 * counts, first/last seen, the last client), in flat typed arrays. With one object per name,
 * each update chased pointers to a small array somewhere in the heap; with tens of thousands
 * of names those were cache misses on every line. Counts by type are kept per (name, type)
 * slot, numbered as pairs first occur, so a log with thousands of odd query types costs memory
 * for the pairs it has, not for every name times every type.
 */
import {OUTCOME_COUNT} from './name-state.js'
import {PairIndex} from './pair-index.js'

/** Key ids and slots made room for at first; grown by doubling. */
const INITIAL_CAPACITY = 1024

export class NameCounters {
  /** (key id, type id) → slot. */
  private readonly slots = new PairIndex()
  /** Query count by slot. */
  private queries: Int32Array = new Int32Array(INITIAL_CAPACITY)
  /** Outcome count at `slot * OUTCOME_COUNT + outcome`. */
  private outcomes: Int32Array = new Int32Array(INITIAL_CAPACITY * OUTCOME_COUNT)
  /** Seconds (see shapes/timestamp.ts) by key id; -1 until a line mentions the name. */
  private firstSeen: Int32Array = new Int32Array(INITIAL_CAPACITY).fill(-1)
  private lastSeen: Int32Array = new Int32Array(INITIAL_CAPACITY).fill(-1)
  /** The client label added last per key id, to skip the client set for repeated askers. */
  private lastClients: Int32Array = new Int32Array(INITIAL_CAPACITY).fill(-1)

  /** Make room for `keyId`; call before using it. */
  reserveKey(keyId: number): void {
    if (keyId < this.firstSeen.length) return
    const length = capacityFor(keyId, this.firstSeen.length)
    this.firstSeen = grow(this.firstSeen, length, -1)
    this.lastSeen = grow(this.lastSeen, length, -1)
    this.lastClients = grow(this.lastClients, length, -1)
  }

  /** The slot of a name's counts for one query type; queries keep theirs to skip the lookup. */
  slot(keyId: number, typeId: number): number {
    const slot = this.slots.indexOf(keyId, typeId)
    if (slot >= this.queries.length) {
      const length = capacityFor(slot, this.queries.length)
      this.queries = grow(this.queries, length, 0)
      this.outcomes = grow(this.outcomes, length * OUTCOME_COUNT, 0)
    }
    return slot
  }

  countQuery(slot: number): void {
    ;(this.queries[slot] as number)++
  }

  countOutcome(slot: number, outcome: number): void {
    ;(this.outcomes[slot * OUTCOME_COUNT + outcome] as number)++
  }

  /** Slots grouped by key id (an array indexed by it). */
  slotsByKey(): Array<number[] | undefined> {
    return this.slots.group()
  }

  typeOf(slot: number): number {
    return this.slots.second(slot)
  }

  queryCount(slot: number): number {
    return this.queries[slot] as number
  }

  outcomeCount(slot: number, outcome: number): number {
    return this.outcomes[slot * OUTCOME_COUNT + outcome] as number
  }

  seenAt(keyId: number, time: number): void {
    const first = this.firstSeen[keyId] as number
    if (first < 0 || time < first) this.firstSeen[keyId] = time
    if (time > (this.lastSeen[keyId] as number)) this.lastSeen[keyId] = time
  }

  /** First time the name was seen, or -1. */
  first(keyId: number): number {
    return this.firstSeen[keyId] as number
  }

  last(keyId: number): number {
    return this.lastSeen[keyId] as number
  }

  /**
   * Note `label` as the key's latest client.
   *
   * @returns `false` when it already was, so the caller can skip its set.
   */
  takeClient(keyId: number, label: number): boolean {
    if (this.lastClients[keyId] === label) return false
    this.lastClients[keyId] = label
    return true
  }
}

/** The doubled capacity that holds `index`. */
function capacityFor(index: number, capacity: number): number {
  while (capacity <= index) capacity *= 2
  return capacity
}

/** A longer copy, new entries set to `fill`. */
function grow(array: Int32Array, length: number, fill: number): Int32Array {
  const grown = new Int32Array(length)
  if (fill !== 0) grown.fill(fill, array.length)
  grown.set(array)
  return grown
}
