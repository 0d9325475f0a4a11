/**
 * The addresses each name resolved to, as sets of interned address ids. A name's answers repeat
 * the same few addresses on every lookup, so its first few ids live in the name's own record
 * (name-counters.ts): a repeated answer is recognised by comparing the line's bytes with them,
 * without hashing it or probing the (large) address table. Further addresses go to a pair
 * index.
 */
import type {ByteInterner} from './byte-interner.js'
import {INLINE_ADDRESSES, type NameCounters} from './name-counters.js'
import {PairIndex} from './pair-index.js'

const EMPTY = -1

export class AddressSets {
  /** (key id, address id) of the addresses past the inline ones. */
  private readonly overflow = new PairIndex()

  /**
   * @param addresses Interns the address text; shared by the v4 and v6 sets.
   * @param counters Holds the names' records, with room for the inline ids.
   * @param family 0 for IPv4, 1 for IPv6.
   */
  constructor(
    private readonly addresses: ByteInterner,
    private readonly counters: NameCounters,
    private readonly family: number,
  ) {}

  /** Add the address in `buffer[start, end)` to the set of `keyId`, an observed name. */
  add(keyId: number, buffer: Uint8Array, start: number, end: number): void {
    const records = this.counters.records
    const base = this.counters.addressBase(keyId, this.family)
    for (let index = base; index < base + INLINE_ADDRESSES; index++) {
      const id = records[index] as number
      if (id === EMPTY) {
        records[index] = this.addresses.intern(buffer, start, end)
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
    const records = this.counters.records
    for (let keyId = 0; keyId < this.counters.capacity; keyId++) {
      const base = this.counters.addressBase(keyId, this.family)
      for (let index = base; index < base + INLINE_ADDRESSES; index++) {
        if (records[index] === EMPTY) break
        pairs.push(keyId, records[index] as number)
      }
    }
    return Int32Array.from([...pairs, ...this.overflow.pairs()])
  }
}
