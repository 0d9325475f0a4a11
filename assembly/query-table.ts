/**
 * The queries still being paired with their answers, as records in one flat table addressed
 * by handles (small integers). Handles are reused: `collect` frees every settled query that
 * nothing refers to any more; the builder calls it from its periodic sweep after marking
 * every handle it still holds.
 */
import {IntArray, PairIndex} from './tables'

export const NO_QUERY: i32 = -1

/**
 * Record layout: name key, query type, counters slot, line, flags, the outcome mask of its own
 * name, next in its chain, a number never reused, then up to OTHERS other names (CNAME chain
 * members) outcomes were counted for, with their masks.
 */
const STRIDE: i32 = 16
const KEY: i32 = 0
const TYPE: i32 = 1
const SLOT: i32 = 2
const LINE: i32 = 3
const FLAGS: i32 = 4
const MASK: i32 = 5
const NEXT: i32 = 6
const SERIAL: i32 = 7
const OTHER_KEYS: i32 = 8
const OTHER_MASKS: i32 = 12
const OTHERS: i32 = 4

const COUNTED: i32 = 1
const ANSWERED: i32 = 2
const DONE: i32 = 4
/** Set on free records, so that `collect` skips them. */
const FREE: i32 = 8

export class QueryTable {
  private readonly records: IntArray = new IntArray(1024 * STRIDE, 0)
  /** Records ever used: handles 0 … used-1. */
  private used: i32 = 0
  private readonly free: IntArray = new IntArray(256, 0)
  /** Per handle, the collection it was last marked in. */
  private readonly marks: IntArray = new IntArray(1024, 0)
  private epoch: i32 = 0
  private serials: i32 = 0
  /**
   * (serial, key * 16 + outcome) counted for chain members past the first OTHERS; such long
   * chains are rare, and serials are never reused, so stale pairs cannot match.
   */
  private readonly moreOthers: PairIndex = new PairIndex()

  /** A new pending query; `slot` is -1 when it is not counted. */
  create(keyId: i32, typeId: i32, counted: bool, slot: i32, line: i32): i32 {
    let query: i32
    if (this.free.length > 0) query = this.free.pop()
    else {
      query = this.used++
      this.records.reserve(query * STRIDE + STRIDE - 1)
      this.marks.reserve(query)
    }
    const at = query * STRIDE
    const records = this.records
    records.set(at + KEY, keyId)
    records.set(at + TYPE, typeId)
    records.set(at + SLOT, slot)
    records.set(at + LINE, line)
    records.set(at + FLAGS, counted ? COUNTED : 0)
    records.set(at + MASK, 0)
    records.set(at + NEXT, NO_QUERY)
    records.set(at + SERIAL, this.serials++)
    for (let other = 0; other < OTHERS; other++) {
      records.set(at + OTHER_KEYS + other, -1)
      records.set(at + OTHER_MASKS + other, 0)
    }
    return query
  }

  keyId(query: i32): i32 {
    return this.records.get(query * STRIDE + KEY)
  }

  typeId(query: i32): i32 {
    return this.records.get(query * STRIDE + TYPE)
  }

  slot(query: i32): i32 {
    return this.records.get(query * STRIDE + SLOT)
  }

  line(query: i32): i32 {
    return this.records.get(query * STRIDE + LINE)
  }

  isCounted(query: i32): bool {
    return (this.records.get(query * STRIDE + FLAGS) & COUNTED) != 0
  }

  isAnswered(query: i32): bool {
    return (this.records.get(query * STRIDE + FLAGS) & ANSWERED) != 0
  }

  isDone(query: i32): bool {
    return (this.records.get(query * STRIDE + FLAGS) & DONE) != 0
  }

  /** Neither answered nor done: still waiting. */
  isWaiting(query: i32): bool {
    return (this.records.get(query * STRIDE + FLAGS) & (ANSWERED | DONE)) == 0
  }

  markAnswered(query: i32): void {
    const at = query * STRIDE + FLAGS
    this.records.set(at, this.records.get(at) | ANSWERED)
  }

  markDone(query: i32): void {
    const at = query * STRIDE + FLAGS
    this.records.set(at, this.records.get(at) | DONE)
  }

  next(query: i32): i32 {
    return this.records.get(query * STRIDE + NEXT)
  }

  setNext(query: i32, next: i32): void {
    this.records.set(query * STRIDE + NEXT, next)
  }

  /**
   * Note that `outcome` was counted for `keyId` under this query.
   *
   * @returns `false` when it already was: each outcome counts once per query and name.
   */
  recordOnce(query: i32, keyId: i32, outcome: i32): bool {
    const at = query * STRIDE
    const records = this.records
    let mask = at + MASK
    if (keyId != records.get(at + KEY)) {
      mask = -1
      for (let other = 0; other < OTHERS; other++) {
        const key = records.get(at + OTHER_KEYS + other)
        if (key == keyId || key < 0) {
          records.set(at + OTHER_KEYS + other, keyId)
          mask = at + OTHER_MASKS + other
          break
        }
      }
      if (mask < 0) {
        const known = this.moreOthers.size
        this.moreOthers.indexOf(records.get(at + SERIAL), keyId * 16 + outcome)
        return this.moreOthers.size > known
      }
    }
    const bit = 1 << outcome
    const bits = records.get(mask)
    if ((bits & bit) != 0) return false
    records.set(mask, bits | bit)
    return true
  }

  /** Start a collection: `mark` every handle still held, then `sweepUnmarked`. */
  startMarking(): void {
    this.epoch++
  }

  mark(query: i32): void {
    if (query != NO_QUERY) this.marks.set(query, this.epoch)
  }

  /** Free every settled query not marked since startMarking. */
  sweepUnmarked(): void {
    const records = this.records
    for (let query = 0; query < this.used; query++) {
      const flags = records.get(query * STRIDE + FLAGS)
      if ((flags & (DONE | FREE)) != DONE || this.marks.get(query) == this.epoch) continue
      records.set(query * STRIDE + FLAGS, FREE)
      this.free.push(query)
    }
  }
}
