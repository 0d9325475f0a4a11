/**
 * The builder's flat tables in linear memory: growable arrays of 32-bit integers, and pairs
 * of integers numbered in order of appearance (an open-addressing table), which also serve as
 * maps when a value is kept per pair index. Nothing here is a garbage-collected object per
 * entry, so memory follows the distinct values, and the tables stay compact for the caches.
 */

const EMPTY: i32 = -1

/** A growable array of i32; new entries hold `fill`. */
export class IntArray {
  pointer: i32 = 0
  capacity: i32
  /** Entries in use, for arrays used as lists (`push`). */
  length: i32 = 0

  constructor(
    capacity: i32,
    private fill: i32,
  ) {
    this.capacity = capacity
    this.pointer = <i32>heap.alloc(<usize>(capacity * 4))
    this.clear(0, capacity)
  }

  @inline get(index: i32): i32 {
    return load<i32>(<usize>(this.pointer + (index << 2)))
  }

  @inline set(index: i32, value: i32): void {
    store<i32>(<usize>(this.pointer + (index << 2)), value)
  }

  /** Make room for `index`, at least doubling. */
  reserve(index: i32): void {
    if (index < this.capacity) return
    let capacity = max(this.capacity * 2, 16)
    while (capacity <= index) capacity *= 2
    const pointer = <i32>heap.realloc(<usize>this.pointer, <usize>(capacity * 4))
    this.pointer = pointer
    const old = this.capacity
    this.capacity = capacity
    this.clear(old, capacity)
  }

  push(value: i32): void {
    this.reserve(this.length)
    this.set(this.length++, value)
  }

  pop(): i32 {
    return this.get(--this.length)
  }

  private clear(from: i32, to: i32): void {
    const fill = this.fill
    if (fill == 0 || fill == -1) {
      memory.fill(<usize>(this.pointer + from * 4), <u8>fill, <usize>((to - from) * 4))
    } else {
      for (let index = from; index < to; index++) this.set(index, fill)
    }
  }
}

/**
 * Pairs of non-negative integers numbered 0, 1, 2 … as they first appear. `retain` drops
 * pairs in place, which is how PairMap forgets entries.
 */
export class PairIndex {
  size: i32 = 0
  /** Per slot: first (EMPTY when free), second, index. */
  private table: IntArray = new IntArray(1024 * 3, EMPTY)
  private slotCount: i32 = 1024
  readonly firsts: IntArray = new IntArray(512, 0)
  readonly seconds: IntArray = new IntArray(512, 0)

  /** The index of `(first, second)`, numbering it when new. */
  indexOf(first: i32, second: i32): i32 {
    const mask = this.slotCount - 1
    let slot = slotOf(first, second, mask)
    const table = this.table
    for (;;) {
      const at = slot * 3
      const found = table.get(at)
      if (found == EMPTY) break
      if (found == first && table.get(at + 1) == second) return table.get(at + 2)
      slot = (slot + 1) & mask
    }
    const index = this.size++
    this.firsts.reserve(index)
    this.seconds.reserve(index)
    this.firsts.set(index, first)
    this.seconds.set(index, second)
    table.set(slot * 3, first)
    table.set(slot * 3 + 1, second)
    table.set(slot * 3 + 2, index)
    if (this.size * 2 > this.slotCount) this.rehash(this.slotCount * 2)
    return index
  }

  /** The index of `(first, second)`, or -1 when it is not a member. */
  find(first: i32, second: i32): i32 {
    const mask = this.slotCount - 1
    let slot = slotOf(first, second, mask)
    const table = this.table
    let found = table.get(slot * 3)
    while (found != EMPTY) {
      if (found == first && table.get(slot * 3 + 1) == second) return table.get(slot * 3 + 2)
      slot = (slot + 1) & mask
      found = table.get(slot * 3)
    }
    return -1
  }

  /**
   * Keep only the pairs whose entry in `values` is not `gone`, renumbering them in order and
   * moving their values along.
   */
  retain(values: IntArray, gone: i32): void {
    let kept = 0
    for (let index = 0; index < this.size; index++) {
      const value = values.get(index)
      if (value == gone) continue
      this.firsts.set(kept, this.firsts.get(index))
      this.seconds.set(kept, this.seconds.get(index))
      values.set(kept, value)
      kept++
    }
    // A pair numbered anew later must find its value unset.
    for (let index = kept; index < this.size; index++) values.set(index, gone)
    this.size = kept
    this.rehash(this.slotCount)
  }

  private rehash(count: i32): void {
    if (count != this.slotCount) {
      this.table.reserve(count * 3 - 1)
      this.slotCount = count
    }
    memory.fill(<usize>this.table.pointer, 0xff, <usize>(count * 3 * 4))
    const mask = count - 1
    const table = this.table
    for (let index = 0; index < this.size; index++) {
      const first = this.firsts.get(index)
      const second = this.seconds.get(index)
      let slot = slotOf(first, second, mask)
      while (table.get(slot * 3) != EMPTY) slot = (slot + 1) & mask
      table.set(slot * 3, first)
      table.set(slot * 3 + 1, second)
      table.set(slot * 3 + 2, index)
    }
  }
}

/**
 * A map from pairs to values: a pair index with a value per pair (its entry). An entry whose
 * value is set to `gone` is dropped at the next `compact`.
 */
export class PairMap {
  readonly pairs: PairIndex = new PairIndex()
  private readonly values: IntArray

  constructor(private gone: i32) {
    this.values = new IntArray(64, gone)
  }

  /** Entries in use: 0 … size-1. */
  get size(): i32 {
    return this.pairs.size
  }

  /** The value of `(first, second)`, or `gone`. */
  get(first: i32, second: i32): i32 {
    const entry = this.pairs.find(first, second)
    return entry < 0 ? this.gone : this.values.get(entry)
  }

  set(first: i32, second: i32, value: i32): void {
    this.values.set(this.entry(first, second), value)
  }

  /** The entry of `(first, second)`, made when new (with the value `gone`). */
  entry(first: i32, second: i32): i32 {
    const entry = this.pairs.indexOf(first, second)
    this.values.reserve(entry)
    return entry
  }

  valueAt(entry: i32): i32 {
    return this.values.get(entry)
  }

  setValueAt(entry: i32, value: i32): void {
    this.values.set(entry, value)
  }

  /** Drop the entries whose value is `gone`; the others are renumbered in order. */
  compact(): void {
    this.pairs.retain(this.values, this.gone)
  }
}

/** Where a pair's probe starts: both members mixed, since either alone repeats a lot. */
function slotOf(first: i32, second: i32, mask: i32): i32 {
  return ((first * 0x9e3779b1) ^ (second * 0x85ebca6b)) & mask
}
