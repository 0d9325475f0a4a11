/**
 * The per-name numbers the builder updates on almost every line, laid out so that one line
 * touches as few cache lines as it can: per name one 64-byte record (first/last seen, last
 * client, first line, the slots of types A and AAAA, its first addresses), per (name, type)
 * slot its query count next to its outcome counts. Slots are numbered as pairs first occur.
 */
import {IntArray, PairIndex} from './tables'

export const NAME_STRIDE: i32 = 16
const FIRST_SEEN: i32 = 0
const LAST_SEEN: i32 = 1
const LAST_CLIENT: i32 = 2
const FIRST_LINE: i32 = 3
const TYPE_SLOTS: i32 = 4
const ADDRESSES: i32 = 8
/** Address ids kept in a name's record, per family. */
export const INLINE_ADDRESSES: i32 = 4
/** Type ids below this have their slot in the name's record. */
const INLINE_TYPES: i32 = 2

/** Per slot: name, type, query count, then one count per outcome (builder.ts). */
export const OUTCOME_COUNT: i32 = 9
export const SLOT_STRIDE: i32 = 3 + OUTCOME_COUNT
const SLOT_QUERIES: i32 = 2
const SLOT_OUTCOMES: i32 = 3

export class NameCounters {
  slotCount: i32 = 0
  /** -1 everywhere until set: no time, no client, not observed, no slot, no address. */
  readonly names: IntArray = new IntArray(1024 * NAME_STRIDE, -1)
  readonly slots: IntArray = new IntArray(1024 * SLOT_STRIDE, 0)
  /** (key id, type id) → slot, for types past the inline ones. */
  private readonly otherTypes: PairIndex = new PairIndex()
  private readonly otherSlots: IntArray = new IntArray(1024, 0)
  /** Names made room for: key ids 0 … capacity-1. */
  capacity: i32 = 0

  /**
   * Mark the name observed, making room for it.
   *
   * @returns `true` the first time, when `line` becomes its first line.
   */
  observe(keyId: i32, line: i32): bool {
    const at = keyId * NAME_STRIDE
    if (keyId >= this.capacity) {
      this.names.reserve(at + NAME_STRIDE - 1)
      this.capacity = keyId + 1
    }
    if (this.names.get(at + FIRST_LINE) >= 0) return false
    this.names.set(at + FIRST_LINE, line)
    return true
  }

  isObserved(keyId: i32): bool {
    return keyId < this.capacity && this.names.get(keyId * NAME_STRIDE + FIRST_LINE) >= 0
  }

  /** The slot of an observed name's counts for one query type. */
  slot(keyId: i32, typeId: i32): i32 {
    if (typeId < INLINE_TYPES) {
      const at = keyId * NAME_STRIDE + TYPE_SLOTS + typeId
      const slot = this.names.get(at)
      if (slot >= 0) return slot
      const added = this.addSlot(keyId, typeId)
      this.names.set(at, added)
      return added
    }
    const known = this.otherTypes.size
    const index = this.otherTypes.indexOf(keyId, typeId)
    if (index < known) return this.otherSlots.get(index)
    this.otherSlots.reserve(index)
    const added = this.addSlot(keyId, typeId)
    this.otherSlots.set(index, added)
    return added
  }

  countQuery(slot: i32): void {
    const at = slot * SLOT_STRIDE + SLOT_QUERIES
    this.slots.set(at, this.slots.get(at) + 1)
  }

  countOutcome(slot: i32, outcome: i32): void {
    const at = slot * SLOT_STRIDE + SLOT_OUTCOMES + outcome
    this.slots.set(at, this.slots.get(at) + 1)
  }

  /** Widen the name's first/last seen to include `time`. */
  seenAt(keyId: i32, time: i32): void {
    const at = keyId * NAME_STRIDE
    const names = this.names
    const first = names.get(at + FIRST_SEEN)
    if (first < 0 || time < first) names.set(at + FIRST_SEEN, time)
    if (time > names.get(at + LAST_SEEN)) names.set(at + LAST_SEEN, time)
  }

  /**
   * Note `clientId` as the name's latest client.
   *
   * @returns `false` when it already was, so the caller can skip recording it.
   */
  takeClient(keyId: i32, clientId: i32): bool {
    const at = keyId * NAME_STRIDE + LAST_CLIENT
    if (this.names.get(at) == clientId) return false
    this.names.set(at, clientId)
    return true
  }

  first(keyId: i32): i32 {
    return this.names.get(keyId * NAME_STRIDE + FIRST_SEEN)
  }

  last(keyId: i32): i32 {
    return this.names.get(keyId * NAME_STRIDE + LAST_SEEN)
  }

  firstLine(keyId: i32): i32 {
    return this.names.get(keyId * NAME_STRIDE + FIRST_LINE)
  }

  /** Where in `names` the name's INLINE_ADDRESSES ids of `family` (0: IPv4, 1: IPv6) are. */
  addressBase(keyId: i32, family: i32): i32 {
    return keyId * NAME_STRIDE + ADDRESSES + family * INLINE_ADDRESSES
  }

  private addSlot(keyId: i32, typeId: i32): i32 {
    const slot = this.slotCount++
    const at = slot * SLOT_STRIDE
    this.slots.reserve(at + SLOT_STRIDE - 1)
    this.slots.set(at, keyId)
    this.slots.set(at + 1, typeId)
    return slot
  }
}

/**
 * The addresses each name resolved to, as sets of address ids: its first few in its own
 * record, which its query just touched, the rest in a pair index.
 */
export class AddressSets {
  readonly overflow: PairIndex = new PairIndex()

  constructor(
    private counters: NameCounters,
    private family: i32,
  ) {}

  add(keyId: i32, addressId: i32): void {
    const names = this.counters.names
    const base = this.counters.addressBase(keyId, this.family)
    for (let index = base; index < base + INLINE_ADDRESSES; index++) {
      const id = names.get(index)
      if (id == addressId) return
      if (id < 0) {
        names.set(index, addressId)
        return
      }
    }
    this.overflow.indexOf(keyId, addressId)
  }
}
