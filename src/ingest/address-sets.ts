/**
 * The addresses each name resolved to, as sets of interned address ids. A name's answers repeat
 * the same few addresses on every lookup, so each name keeps its first few ids inline: a
 * repeated answer is recognised by comparing the line's bytes with them, without hashing it or
 * probing the (large) address table. Further addresses go to a shared pair index.
 */
import type {ByteInterner} from './byte-interner.js'
import {withRoomFor} from './int-arrays.js'
import {PairIndex} from './pair-index.js'

const EMPTY = -1
/** Addresses kept inline per name. */
const BLOCK = 4

export class AddressSets {
  private inline: Int32Array = new Int32Array(1024 * BLOCK).fill(EMPTY)
  /** (key id, address id) of the addresses past the inline ones. */
  private readonly overflow = new PairIndex()

  /** @param addresses Interns the address text; shared by the v4 and v6 sets. */
  constructor(private readonly addresses: ByteInterner) {}

  /** Add the address in `buffer[start, end)` to the set of `keyId`. */
  add(keyId: number, buffer: Uint8Array, start: number, end: number): void {
    const base = keyId * BLOCK
    this.inline = withRoomFor(this.inline, base + BLOCK - 1, EMPTY)
    const inline = this.inline
    for (let index = base; index < base + BLOCK; index++) {
      const id = inline[index] as number
      if (id === EMPTY) {
        inline[index] = this.addresses.intern(buffer, start, end)
        return
      }
      // One name's addresses tend to differ in their last digits: compare from the end.
      if (this.addresses.matchesBackwards(id, buffer, start, end)) return
    }
    this.overflow.add(keyId, this.addresses.intern(buffer, start, end))
  }

  /** Every (key id, address id) pair, flat, inline ones first. */
  pairs(): Int32Array {
    const pairs: number[] = []
    const inline = this.inline
    for (let base = 0; base < inline.length; base += BLOCK) {
      for (let index = base; index < base + BLOCK && inline[index] !== EMPTY; index++) {
        pairs.push(base / BLOCK, inline[index] as number)
      }
    }
    return Int32Array.from([...pairs, ...this.overflow.pairs()])
  }
}
