/**
 * The per-name numbers ingest updates on almost every line, in flat typed arrays laid out so
 * that one line touches as few cache lines as it can: a name's first/last seen, last client
 * and first line sit together, and a (name, query type) slot keeps its query count next to
 * its outcome counts. On a large log these tables outgrow the caches, and every separate array
 * a line touched was one more trip to memory.
 *
 * Slots are numbered as (name, type) pairs first occur, so a log with thousands of odd query
 * types costs memory for the pairs it has, not for every name times every type. The two types
 * nearly every query has (A and AAAA, interned first) find their slot through the name's own
 * fields; others through a pair index.
 */
import {withRoomFor} from './int-arrays.js'
import {OUTCOME_COUNT} from './outcomes.js'
import {PairIndex} from './pair-index.js'

/** Names and slots made room for at first; grown by doubling. */
const INITIAL_CAPACITY = 1024

/**
 * Per name, one 64-byte record: first seen, last seen, last client, first line, the slots of
 * types 0 and 1, then the ids of its first IPv4 and IPv6 addresses (address-sets.ts), which its
 * answers check right after its query touched the same record.
 */
const NAME_STRIDE = 16
const FIRST_SEEN = 0
const LAST_SEEN = 1
const LAST_CLIENT = 2
const FIRST_LINE = 3
const TYPE_SLOTS = 4
const ADDRESSES = 8
/** Address ids kept in a name's record, per family. */
export const INLINE_ADDRESSES = 4
/** Type ids below this have their slot in the name's fields. */
const INLINE_TYPES = 2

/** Per slot: name, type, query count, then one count per outcome. */
export const SLOT_STRIDE = 3 + OUTCOME_COUNT
const SLOT_KEY = 0
const SLOT_TYPE = 1
const SLOT_QUERIES = 2
const SLOT_OUTCOMES = 3

export class NameCounters {
  /** Slots in use: 0 … slotCount-1. */
  slotCount = 0
  /** -1 everywhere until set: no time, no client, not observed, no slot. */
  private names: Int32Array = new Int32Array(INITIAL_CAPACITY * NAME_STRIDE).fill(-1)
  private slots: Int32Array = new Int32Array(INITIAL_CAPACITY * SLOT_STRIDE)
  /** (key id, type id) → slot, for types past the inline ones. */
  private readonly otherTypes = new PairIndex()
  private otherSlots: Int32Array = new Int32Array(INITIAL_CAPACITY)

  /**
   * Mark the name observed, making room for it.
   *
   * @returns `true` the first time, when `line` becomes its first line.
   */
  observe(keyId: number, line: number): boolean {
    const at = keyId * NAME_STRIDE
    this.names = withRoomFor(this.names, at + NAME_STRIDE - 1, -1)
    if ((this.names[at + FIRST_LINE] as number) >= 0) return false
    this.names[at + FIRST_LINE] = line
    return true
  }

  /** Whether `observe` was called for the name. */
  isObserved(keyId: number): boolean {
    const at = keyId * NAME_STRIDE + FIRST_LINE
    return at < this.names.length && (this.names[at] as number) >= 0
  }

  /** The slot of an observed name's counts for one query type; queries keep theirs. */
  slot(keyId: number, typeId: number): number {
    if (typeId < INLINE_TYPES) {
      const at = keyId * NAME_STRIDE + TYPE_SLOTS + typeId
      const slot = this.names[at] as number
      if (slot >= 0) return slot
      return (this.names[at] = this.addSlot(keyId, typeId))
    }
    const known = this.otherTypes.size
    const index = this.otherTypes.indexOf(keyId, typeId)
    if (index < known) return this.otherSlots[index] as number
    this.otherSlots = withRoomFor(this.otherSlots, index)
    return (this.otherSlots[index] = this.addSlot(keyId, typeId))
  }

  countQuery(slot: number): void {
    ;(this.slots[slot * SLOT_STRIDE + SLOT_QUERIES] as number)++
  }

  countOutcome(slot: number, outcome: number): void {
    ;(this.slots[slot * SLOT_STRIDE + SLOT_OUTCOMES + outcome] as number)++
  }

  /** Widen the name's first/last seen to include `time`. */
  seenAt(keyId: number, time: number): void {
    const at = keyId * NAME_STRIDE
    const names = this.names
    const first = names[at + FIRST_SEEN] as number
    if (first < 0 || time < first) names[at + FIRST_SEEN] = time
    if (time > (names[at + LAST_SEEN] as number)) names[at + LAST_SEEN] = time
  }

  /**
   * Note `clientId` as the name's latest client.
   *
   * @returns `false` when it already was, so the caller can skip recording it.
   */
  takeClient(keyId: number, clientId: number): boolean {
    const at = keyId * NAME_STRIDE + LAST_CLIENT
    if (this.names[at] === clientId) return false
    this.names[at] = clientId
    return true
  }

  /** First time the name was seen, or -1. */
  first(keyId: number): number {
    return this.names[keyId * NAME_STRIDE + FIRST_SEEN] as number
  }

  last(keyId: number): number {
    return this.names[keyId * NAME_STRIDE + LAST_SEEN] as number
  }

  firstLine(keyId: number): number {
    return this.names[keyId * NAME_STRIDE + FIRST_LINE] as number
  }

  /** The names' records; `addressBase` says where in them an address family's ids are. */
  get records(): Int32Array {
    return this.names
  }

  /**
   * @param family 0 for IPv4, 1 for IPv6.
   * @returns The offset in `records` of the name's INLINE_ADDRESSES ids (-1: none) of `family`.
   */
  addressBase(keyId: number, family: number): number {
    return keyId * NAME_STRIDE + ADDRESSES + family * INLINE_ADDRESSES
  }

  /** Names made room for: key ids 0 … capacity-1 (not all observed). */
  get capacity(): number {
    return this.names.length / NAME_STRIDE
  }

  /** The slots' records (SLOT_STRIDE numbers each: key, type, queries, outcomes). */
  slotRecords(): Int32Array {
    return this.slots.subarray(0, this.slotCount * SLOT_STRIDE)
  }

  private addSlot(keyId: number, typeId: number): number {
    const slot = this.slotCount++
    const at = slot * SLOT_STRIDE
    this.slots = withRoomFor(this.slots, at + SLOT_STRIDE - 1)
    this.slots[at + SLOT_KEY] = keyId
    this.slots[at + SLOT_TYPE] = typeId
    return slot
  }
}
