/**
 * A set of pairs of small non-negative integers (key id, address id) in one open-addressing
 * table of typed arrays. Address answers repeat on most lines of a log; looking the pair up
 * here costs one probe in one array, where a `Set` per name cost several pointer hops into
 * objects scattered over the heap, and the sets themselves were garbage-collector work.
 */

const EMPTY = -1

export class PairSet {
  /** Number of distinct pairs. */
  size = 0
  /** Pair index per slot, or EMPTY. */
  private slots: Int32Array = new Int32Array(1024).fill(EMPTY)
  /** The pairs in insertion order. */
  private firsts: Int32Array = new Int32Array(512)
  private seconds: Int32Array = new Int32Array(512)

  /** Add `(first, second)` unless present. */
  add(first: number, second: number): void {
    const mask = this.slots.length - 1
    let slot = slotOf(first, second, mask)
    for (;;) {
      const index = this.slots[slot] as number
      if (index === EMPTY) break
      if (this.firsts[index] === first && this.seconds[index] === second) return
      slot = (slot + 1) & mask
    }
    const index = this.size++
    if (index >= this.firsts.length) {
      this.firsts = grow(this.firsts)
      this.seconds = grow(this.seconds)
    }
    this.firsts[index] = first
    this.seconds[index] = second
    this.slots[slot] = index
    if (this.size * 2 > this.slots.length) this.rehash()
  }

  /** The second members of every pair, grouped by first member (an array indexed by it). */
  group(): Array<number[] | undefined> {
    const groups: Array<number[] | undefined> = []
    for (let index = 0; index < this.size; index++) {
      const first = this.firsts[index] as number
      while (groups.length <= first) groups.push(undefined)
      ;(groups[first] ??= []).push(this.seconds[index] as number)
    }
    return groups
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY)
    const mask = slots.length - 1
    for (let index = 0; index < this.size; index++) {
      const first = this.firsts[index] as number
      const second = this.seconds[index] as number
      let slot = slotOf(first, second, mask)
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask
      slots[slot] = index
    }
    this.slots = slots
  }
}

/** Where a pair's probe starts: both members mixed, since either alone repeats a lot. */
function slotOf(first: number, second: number, mask: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2)
  grown.set(array)
  return grown
}
