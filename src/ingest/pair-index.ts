/**
 * Pairs of small non-negative integers (a key id with an address id, or with a query type id)
 * numbered 0, 1, 2 … in the order they first appear, in one open-addressing table. Lines
 * mostly repeat pairs already seen; looking one up touches one cache line of one typed array,
 * where a `Set` or a small array per name cost pointer hops into objects scattered over the
 * heap, and garbage-collector work. Memory follows the distinct pairs, whatever their values.
 */

import {withRoomFor} from './int-arrays.js'

const EMPTY = -1
/** Table slot layout: first, second, index. */
const SLOT = 3

export class PairIndex {
  /** Number of distinct pairs; their indexes are 0 … size-1. */
  size = 0
  /** EMPTY as a slot's first member marks it free. */
  private table: Int32Array = new Int32Array(1024 * SLOT).fill(EMPTY)
  /** Members by index. */
  private firsts: Int32Array = new Int32Array(512)
  private seconds: Int32Array = new Int32Array(512)

  /** The index of `(first, second)`, numbering it when new. */
  indexOf(first: number, second: number): number {
    const table = this.table
    const mask = table.length / SLOT - 1
    let slot = slotOf(first, second, mask)
    for (;;) {
      const at = slot * SLOT
      const found = table[at] as number
      if (found === EMPTY) break
      if (found === first && table[at + 1] === second) return table[at + 2] as number
      slot = (slot + 1) & mask
    }
    const index = this.size++
    this.firsts = withRoomFor(this.firsts, index)
    this.seconds = withRoomFor(this.seconds, index)
    this.firsts[index] = first
    this.seconds[index] = second
    table[slot * SLOT] = first
    table[slot * SLOT + 1] = second
    table[slot * SLOT + 2] = index
    if (this.size * 2 > mask + 1) this.rehash()
    return index
  }

  /** Note `(first, second)` when only whether it occurred matters. */
  add(first: number, second: number): void {
    this.indexOf(first, second)
  }

  /** Every pair in index order, flat: first, second, first, second … */
  pairs(): Int32Array {
    const pairs = new Int32Array(this.size * 2)
    for (let index = 0; index < this.size; index++) {
      pairs[index * 2] = this.firsts[index] as number
      pairs[index * 2 + 1] = this.seconds[index] as number
    }
    return pairs
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(EMPTY)
    const mask = table.length / SLOT - 1
    for (let index = 0; index < this.size; index++) {
      const first = this.firsts[index] as number
      const second = this.seconds[index] as number
      let slot = slotOf(first, second, mask)
      while (table[slot * SLOT] !== EMPTY) slot = (slot + 1) & mask
      table[slot * SLOT] = first
      table[slot * SLOT + 1] = second
      table[slot * SLOT + 2] = index
    }
    this.table = table
  }
}

/** Where a pair's probe starts: both members mixed, since either alone repeats a lot. */
function slotOf(first: number, second: number, mask: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask
}
