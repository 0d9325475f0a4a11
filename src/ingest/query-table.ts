/**
 * The queries still being paired with their answers, as records in one flat array addressed
 * by handles (small integers). A log has millions of queries, each alive for a few thousand
 * lines; as objects they were pointed at from long-lived maps and chains, which made every
 * young-generation collection walk them. As integers they cost the garbage collector nothing.
 *
 * Handles are reused: `collect` frees every settled query that nothing refers to any more. The
 * builder calls it from its periodic sweep, visiting every handle it still holds.
 */

import {withRoomFor} from './int-arrays.js'

export const NO_QUERY = -1

/** Record layout: name key, query type, counters slot, line, flags, outcome mask, next. */
const STRIDE = 8
const KEY = 0
const TYPE = 1
const SLOT = 2
const LINE = 3
const FLAGS = 4
const MASK = 5
const NEXT = 6

const COUNTED = 1
const ANSWERED = 2
const DONE = 4
/** Set on free records, so that `collect` skips them. */
const FREE = 8

export class QueryTable {
  private records: Int32Array = new Int32Array(1024 * STRIDE)
  /** Records ever used: handles 0 … used-1. */
  private used = 0
  private readonly free: number[] = []
  /** Per handle, the collection it was last marked in. */
  private marks: Int32Array = new Int32Array(1024)
  private epoch = 0
  /** `keyId * 16 + outcome` already counted for chain members, by handle (rarely needed). */
  private readonly recordedOther = new Map<number, number[]>()

  /**
   * A new pending query.
   *
   * @param counted `false` when it is ignored (client filter, root name): its answers are too.
   * @param slot The counters' slot for its name and type, or -1 when not counted.
   * @returns Its handle.
   */
  create(keyId: number, typeId: number, counted: boolean, slot: number, line: number): number {
    let query = this.free.pop()
    if (query === undefined) {
      query = this.used++
      this.records = withRoomFor(this.records, query * STRIDE + STRIDE - 1)
      this.marks = withRoomFor(this.marks, query)
    }
    const at = query * STRIDE
    const records = this.records
    records[at + KEY] = keyId
    records[at + TYPE] = typeId
    records[at + SLOT] = slot
    records[at + LINE] = line
    records[at + FLAGS] = counted ? COUNTED : 0
    records[at + MASK] = 0
    records[at + NEXT] = NO_QUERY
    return query
  }

  keyId(query: number): number {
    return this.records[query * STRIDE + KEY] as number
  }

  typeId(query: number): number {
    return this.records[query * STRIDE + TYPE] as number
  }

  /** The counters' slot of the query's own name and type. */
  slot(query: number): number {
    return this.records[query * STRIDE + SLOT] as number
  }

  line(query: number): number {
    return this.records[query * STRIDE + LINE] as number
  }

  isCounted(query: number): boolean {
    return ((this.records[query * STRIDE + FLAGS] as number) & COUNTED) !== 0
  }

  isAnswered(query: number): boolean {
    return ((this.records[query * STRIDE + FLAGS] as number) & ANSWERED) !== 0
  }

  isDone(query: number): boolean {
    return ((this.records[query * STRIDE + FLAGS] as number) & DONE) !== 0
  }

  /** Neither answered nor done: still waiting. */
  isWaiting(query: number): boolean {
    return ((this.records[query * STRIDE + FLAGS] as number) & (ANSWERED | DONE)) === 0
  }

  markAnswered(query: number): void {
    ;(this.records[query * STRIDE + FLAGS] as number) |= ANSWERED
  }

  markDone(query: number): void {
    ;(this.records[query * STRIDE + FLAGS] as number) |= DONE
  }

  /** The next newer query in the same chain (see the builder's pending lists), or NO_QUERY. */
  next(query: number): number {
    return this.records[query * STRIDE + NEXT] as number
  }

  setNext(query: number, next: number): void {
    this.records[query * STRIDE + NEXT] = next
  }

  /**
   * Note that `outcome` was counted for `keyId` under this query.
   *
   * @returns `false` when it already was: each outcome counts once per query and name.
   */
  recordOnce(query: number, keyId: number, outcome: number): boolean {
    const at = query * STRIDE
    if (keyId === this.records[at + KEY]) {
      const bit = 1 << outcome
      const mask = this.records[at + MASK] as number
      if ((mask & bit) !== 0) return false
      this.records[at + MASK] = mask | bit
      return true
    }
    const token = keyId * 16 + outcome
    const tokens = this.recordedOther.get(query)
    if (tokens === undefined) this.recordedOther.set(query, [token])
    else if (tokens.includes(token)) return false
    else tokens.push(token)
    return true
  }

  /**
   * Free every settled query not visited by `visitLive`.
   *
   * @param visitLive Calls its argument with every handle the caller still holds.
   */
  collect(visitLive: (mark: (query: number) => void) => void): void {
    const epoch = ++this.epoch
    const marks = this.marks
    visitLive((query) => {
      if (query !== NO_QUERY) marks[query] = epoch
    })
    const records = this.records
    for (let query = 0; query < this.used; query++) {
      const flags = records[query * STRIDE + FLAGS] as number
      if ((flags & (DONE | FREE)) !== DONE || marks[query] === epoch) continue
      records[query * STRIDE + FLAGS] = FREE
      this.recordedOther.delete(query)
      this.free.push(query)
    }
  }
}
