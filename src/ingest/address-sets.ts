/**
 * The addresses each name resolved to, as sets of interned address ids. A name's answers repeat
 * the same few addresses on every lookup, so its first few ids live in the name's own record
 * (name-counters.ts), which the answer's query just touched: a repeated answer is recognised
 * there without probing the (large) pair index. Further addresses go to the pair index.
 */
import {INLINE_ADDRESSES, type NameCounters} from './name-counters.js'
import {PairIndex} from './pair-index.js'

const EMPTY = -1

export class AddressSets {
  /** (key id, address id) of the addresses past the inline ones. */
  private readonly overflow = new PairIndex()

  /**
   * @param counters Holds the names' records, with room for the inline ids.
   * @param family 0 for IPv4, 1 for IPv6.
   */
  constructor(
    private readonly counters: NameCounters,
    private readonly family: number,
  ) {}

  /** Add address id `addressId` to the set of `keyId`, an observed name. */
  add(keyId: number, addressId: number): void {
    const records = this.counters.records
    const base = this.counters.addressBase(keyId, this.family)
    for (let index = base; index < base + INLINE_ADDRESSES; index++) {
      const id = records[index] as number
      if (id === addressId) return
      if (id === EMPTY) {
        records[index] = addressId
        return
      }
    }
    this.overflow.add(keyId, addressId)
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
