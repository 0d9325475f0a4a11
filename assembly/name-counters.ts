/**
 * The per-name numbers the builder updates on almost every line, laid out so that one line
 * touches as few cache lines as it can: per name one 128-byte record with its first/last seen,
 * the clients that asked, first line, first addresses, and the counts of query types A and AAAA (nearly
 * every query), which its answers update right after. Other types' counts are slots in a
 * separate table, numbered as (name, type) pairs first occur.
 *
 * A counts handle says where a (name, type)'s counts are: an offset into the names' records,
 * or, with OTHER_SLOT set, into the other types' slots.
 */
import {TYPE_AAAA} from './message'
import {IntArray, PairIndex} from './tables'

export const NAME_STRIDE: i32 = 32
const FIRST_SEEN: i32 = 0
const LAST_SEEN: i32 = 1
/** A bit per client label below CLIENT_LABEL_BITS that asked for the name. */
const CLIENT_BITS: i32 = 2
/** Labels kept as bits of a name's record; captures mostly have a few clients. */
export const CLIENT_LABEL_BITS: i32 = 32
const FIRST_LINE: i32 = 3
const ADDRESSES: i32 = 4
/** Address ids kept in a name's record, per family. */
export const INLINE_ADDRESSES: i32 = 4
/** Where types A and AAAA have their counts (COUNTS numbers each) in a name's record. */
const TYPE_COUNTS: i32 = 12
/** Counts per (name, type): queries, then one per outcome (builder.ts). */
export const OUTCOME_COUNT: i32 = 9
const COUNTS: i32 = 1 + OUTCOME_COUNT

/** A slot record, as the scan state has them: name, type, then the counts. */
export const SLOT_STRIDE: i32 = 2 + COUNTS
const OTHER_SLOT: i32 = 1 << 30

export class NameCounters {
  /** -1 in the header until set (no time, not observed, no address), no client bits. */
  private readonly names: IntArray = new IntArray(1024 * NAME_STRIDE, 0)
  /** Slot records (SLOT_STRIDE numbers) of types other than A and AAAA. */
  private readonly slots: IntArray = new IntArray(256 * SLOT_STRIDE, 0)
  private slotCount: i32 = 0
  /** (key id, type id) → slot, for types past the inline ones. */
  private readonly otherTypes: PairIndex = new PairIndex()
  /** Names made room for: key ids 0 … capacity-1. */
  capacity: i32 = 0

  /**
   * Mark the name observed, making room for it.
   *
   * @returns `true` the first time, when `line` becomes its first line.
   */
  observe(keyId: i32, line: i32): bool {
    const at = keyId * NAME_STRIDE
    const names = this.names
    while (keyId >= this.capacity) {
      const fresh = this.capacity * NAME_STRIDE
      names.reserve(fresh + NAME_STRIDE - 1)
      memory.fill(<usize>(names.pointer + fresh * 4), 0xff, <usize>(TYPE_COUNTS * 4))
      names.set(fresh + CLIENT_BITS, 0)
      this.capacity++
    }
    if (names.get(at + FIRST_LINE) >= 0) return false
    names.set(at + FIRST_LINE, line)
    return true
  }

  isObserved(keyId: i32): bool {
    return keyId < this.capacity && this.names.get(keyId * NAME_STRIDE + FIRST_LINE) >= 0
  }

  /** The counts handle of an observed name for one query type. */
  slot(keyId: i32, typeId: i32): i32 {
    if (typeId <= TYPE_AAAA) return keyId * NAME_STRIDE + TYPE_COUNTS + typeId * COUNTS
    const known = this.otherTypes.size
    const index = this.otherTypes.indexOf(keyId, typeId)
    if (index == known) {
      const at = index * SLOT_STRIDE
      this.slots.reserve(at + SLOT_STRIDE - 1)
      this.slots.set(at, keyId)
      this.slots.set(at + 1, typeId)
      this.slotCount++
    }
    return OTHER_SLOT | (index * SLOT_STRIDE + 2)
  }

  countQuery(slot: i32): void {
    this.count(slot)
  }

  countOutcome(slot: i32, outcome: i32): void {
    this.count(slot + 1 + outcome)
  }

  /** Widen the name's first/last seen to include `time`. */
  seenAt(keyId: i32, time: i32): void {
    const at = keyId * NAME_STRIDE
    const names = this.names
    const first = names.get(at + FIRST_SEEN)
    if (first < 0 || time < first) names.set(at + FIRST_SEEN, time)
    if (time > names.get(at + LAST_SEEN)) names.set(at + LAST_SEEN, time)
  }

  /** Note that client `label` (below CLIENT_LABEL_BITS) asked for the name. */
  addClient(keyId: i32, label: i32): void {
    const at = keyId * NAME_STRIDE + CLIENT_BITS
    this.names.set(at, this.names.get(at) | (1 << label))
  }

  /** The bits of the client labels below CLIENT_LABEL_BITS that asked for the name. */
  clientBits(keyId: i32): i32 {
    return this.names.get(keyId * NAME_STRIDE + CLIENT_BITS)
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

  /**
   * Inline address `index` (0 … INLINE_ADDRESSES-1) of `family` (0: IPv4, 1: IPv6) of a name
   * made room for, or -1; they fill in order.
   */
  address(keyId: i32, family: i32, index: i32): i32 {
    return this.names.get(this.addressAt(keyId, family, index))
  }

  setAddress(keyId: i32, family: i32, index: i32, address: i32): void {
    this.names.set(this.addressAt(keyId, family, index), address)
  }

  private addressAt(keyId: i32, family: i32, index: i32): i32 {
    return keyId * NAME_STRIDE + ADDRESSES + family * INLINE_ADDRESSES + index
  }

  /** Push every slot record with a count to `output`: inline A/AAAA first, then the others. */
  pushSlots(output: IntArray): void {
    const names = this.names
    for (let keyId = 0; keyId < this.capacity; keyId++) {
      for (let typeId = 0; typeId <= TYPE_AAAA; typeId++) {
        const at = keyId * NAME_STRIDE + TYPE_COUNTS + typeId * COUNTS
        let used = false
        for (let count = 0; count < COUNTS; count++) used = used || names.get(at + count) != 0
        if (!used) continue
        output.push(keyId)
        output.push(typeId)
        for (let count = 0; count < COUNTS; count++) output.push(names.get(at + count))
      }
    }
    for (let at = 0; at < this.slotCount * SLOT_STRIDE; at++) output.push(this.slots.get(at))
  }

  private count(handle: i32): void {
    if ((handle & OTHER_SLOT) != 0) {
      const at = handle & ~OTHER_SLOT
      this.slots.set(at, this.slots.get(at) + 1)
    } else this.names.set(handle, this.names.get(handle) + 1)
  }
}

/**
 * The addresses each name resolved to, as sets of address handles (scanner.ts): its first few
 * in its own record, which its query just touched, the rest in a pair index.
 */
export class AddressSets {
  readonly overflow: PairIndex = new PairIndex()

  constructor(
    private counters: NameCounters,
    private family: i32,
  ) {}

  add(keyId: i32, address: i32): void {
    const counters = this.counters
    for (let index = 0; index < INLINE_ADDRESSES; index++) {
      const known = counters.address(keyId, this.family, index)
      if (known == address) return
      if (known < 0) {
        counters.setAddress(keyId, this.family, index, address)
        return
      }
    }
    this.overflow.indexOf(keyId, address)
  }
}
