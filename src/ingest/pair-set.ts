/**
 * A set of pairs of small non-negative integers (key id, address id) in one open-addressing
 * table. Address answers repeat on most lines of a log; looking a pair up here touches one
 * cache line of one typed array, where a `Set` per name cost several pointer hops into objects
 * scattered over the heap, and the sets themselves were garbage-collector work.
 */

const EMPTY = -1

export class PairSet {
  /** Number of distinct pairs. */
  size = 0
  /** Slot `s` holds a pair at `[2s, 2s + 1]`; EMPTY in `2s` marks a free slot. */
  private table: Int32Array = new Int32Array(2048).fill(EMPTY)

  /** Add `(first, second)` unless present. */
  add(first: number, second: number): void {
    const table = this.table
    const mask = (table.length >> 1) - 1
    let slot = slotOf(first, second, mask)
    for (;;) {
      const at = table[slot << 1] as number
      if (at === EMPTY) break
      if (at === first && table[(slot << 1) + 1] === second) return
      slot = (slot + 1) & mask
    }
    table[slot << 1] = first
    table[(slot << 1) + 1] = second
    if (++this.size * 2 > mask + 1) this.rehash()
  }

  /** The second members of every pair, grouped by first member (an array indexed by it). */
  group(): Array<number[] | undefined> {
    const groups: Array<number[] | undefined> = []
    const table = this.table
    for (let at = 0; at < table.length; at += 2) {
      const first = table[at] as number
      if (first === EMPTY) continue
      while (groups.length <= first) groups.push(undefined)
      ;(groups[first] ??= []).push(table[at + 1] as number)
    }
    return groups
  }

  private rehash(): void {
    const old = this.table
    const table = new Int32Array(old.length * 2).fill(EMPTY)
    const mask = (table.length >> 1) - 1
    for (let at = 0; at < old.length; at += 2) {
      const first = old[at] as number
      if (first === EMPTY) continue
      const second = old[at + 1] as number
      let slot = slotOf(first, second, mask)
      while (table[slot << 1] !== EMPTY) slot = (slot + 1) & mask
      table[slot << 1] = first
      table[(slot << 1) + 1] = second
    }
    this.table = table
  }
}

/** Where a pair's probe starts: both members mixed, since either alone repeats a lot. */
function slotOf(first: number, second: number, mask: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask
}
