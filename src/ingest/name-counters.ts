/**
 * The per-name numbers ingest updates on almost every line (query counts by type, outcome
 * counts, first/last seen, the last client), in flat typed arrays indexed by key id. With one
 * object per name, each update chased pointers to a small array somewhere in the heap; with
 * tens of thousands of names those were cache misses on every line. Here one name's counters
 * sit together in a few long arrays the garbage collector never has to walk.
 */
import {OUTCOME_COUNT} from './name-state.js'

/** Key ids made room for at first; grown by doubling. */
const INITIAL_KEYS = 1024
/** Query type ids made room for per key at first; types are few, and grown on demand. */
const INITIAL_TYPES = 4

export class NameCounters {
  /** Query count at `keyId * typeStride + typeId`. */
  private queries: Int32Array
  /** Outcome count at `(keyId * typeStride + typeId) * OUTCOME_COUNT + outcome`. */
  private outcomes: Int32Array
  /** Seconds (see shapes/timestamp.ts); -1 until a line mentions the name. */
  private firstSeen: Int32Array
  private lastSeen: Int32Array
  /** The client label added last per key, to skip the client set for repeated askers. */
  private lastClients: Int32Array
  private keyCapacity = INITIAL_KEYS
  private typeStride = INITIAL_TYPES

  constructor() {
    this.queries = new Int32Array(INITIAL_KEYS * INITIAL_TYPES)
    this.outcomes = new Int32Array(INITIAL_KEYS * INITIAL_TYPES * OUTCOME_COUNT)
    this.firstSeen = new Int32Array(INITIAL_KEYS).fill(-1)
    this.lastSeen = new Int32Array(INITIAL_KEYS).fill(-1)
    this.lastClients = new Int32Array(INITIAL_KEYS).fill(-1)
  }

  /** How many query type ids the arrays have room for (type ids are below this). */
  get types(): number {
    return this.typeStride
  }

  /** Make room for `keyId`; call before using it. */
  reserveKey(keyId: number): void {
    if (keyId < this.keyCapacity) return
    let capacity = this.keyCapacity
    while (capacity <= keyId) capacity *= 2
    this.relayout(capacity, this.typeStride)
  }

  countQuery(keyId: number, typeId: number): void {
    if (typeId >= this.typeStride) this.relayout(this.keyCapacity, typeId * 2)
    ;(this.queries[keyId * this.typeStride + typeId] as number)++
  }

  countOutcome(keyId: number, typeId: number, outcome: number): void {
    if (typeId >= this.typeStride) this.relayout(this.keyCapacity, typeId * 2)
    ;(this.outcomes[(keyId * this.typeStride + typeId) * OUTCOME_COUNT + outcome] as number)++
  }

  queryCount(keyId: number, typeId: number): number {
    return this.queries[keyId * this.typeStride + typeId] as number
  }

  outcomeCount(keyId: number, typeId: number, outcome: number): number {
    return this.outcomes[(keyId * this.typeStride + typeId) * OUTCOME_COUNT + outcome] as number
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

  /** Copy everything into arrays for `keyCapacity` keys of `typeStride` types each. */
  private relayout(keyCapacity: number, typeStride: number): void {
    const queries = new Int32Array(keyCapacity * typeStride)
    const outcomes = new Int32Array(keyCapacity * typeStride * OUTCOME_COUNT)
    const oldStride = this.typeStride
    for (let keyId = 0; keyId < this.keyCapacity; keyId++) {
      queries.set(
        this.queries.subarray(keyId * oldStride, (keyId + 1) * oldStride),
        keyId * typeStride,
      )
      outcomes.set(
        this.outcomes.subarray(
          keyId * oldStride * OUTCOME_COUNT,
          (keyId + 1) * oldStride * OUTCOME_COUNT,
        ),
        keyId * typeStride * OUTCOME_COUNT,
      )
    }
    this.queries = queries
    this.outcomes = outcomes
    this.firstSeen = grow(this.firstSeen, keyCapacity)
    this.lastSeen = grow(this.lastSeen, keyCapacity)
    this.lastClients = grow(this.lastClients, keyCapacity)
    this.keyCapacity = keyCapacity
    this.typeStride = typeStride
  }
}

/** A longer copy, new entries -1. */
function grow(array: Int32Array, length: number): Int32Array {
  if (length === array.length) return array
  const grown = new Int32Array(length).fill(-1)
  grown.set(array)
  return grown
}
