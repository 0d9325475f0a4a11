/**
 * The per-name numbers the builder updates on almost every line, laid out so that one line
 * touches as few cache lines as it can. Each graph key has one record, kept in the raw names'
 * interner arena right after the bytes of the first raw name that maps to it: the lookup of the
 * line's name has just brought the lines around it into the cache. (A key no raw name maps to,
 * the reverse name of a PTR answer, gets a block of its own in the arena.) A record holds the
 * name's first/last seen, the clients that asked, its first line, first addresses, and the
 * counts of query types A and AAAA (nearly every query), which its answers update right after.
 * Other types' counts are slots in a separate table, numbered as (name, type) pairs first occur.
 *
 * Records are addressed by their arena offset, which stays valid when the arena grows. Every
 * raw name's record in the interner has room for a key record (used only by the first
 * spelling of each key) after two fields of its own: its key's record, and whether the host
 * has been told of the spelling.
 *
 * A counts handle says where a (name, type)'s counts are: a record offset plus the type's
 * place in it, or, with OTHER_SLOT set, a place among the other types' slots.
 */
import {Interner} from './interner'
import {TYPE_AAAA} from './message'
import {IntArray, PairIndex} from './tables'

// A raw name's own fields, first in its room in the interner record.
const RAW_KEY_RECORD: i32 = 0
const RAW_SPELLED: i32 = 4
const RAW_FIELDS_BYTES: i32 = 8

// Key record fields, as byte offsets.
const FIRST_SEEN: i32 = 0
const LAST_SEEN: i32 = 4
/** A bit per client label below CLIENT_LABEL_BITS that asked for the name. */
const CLIENT_BITS: i32 = 8
/** Labels kept as bits of a name's record; captures mostly have a few clients. */
export const CLIENT_LABEL_BITS: i32 = 32
const FIRST_LINE: i32 = 12
const ADDRESSES: i32 = 16
/** Address handles kept in a name's record, per family. */
export const INLINE_ADDRESSES: i32 = 4
/** Where types A and AAAA have their counts (COUNTS numbers each) in a name's record. */
const TYPE_COUNTS: i32 = ADDRESSES + 2 * INLINE_ADDRESSES * 4
/** Counts per (name, type): queries, then one per outcome (builder.ts). */
export const OUTCOME_COUNT: i32 = 9
const COUNTS: i32 = 1 + OUTCOME_COUNT
const RECORD_BYTES: i32 = TYPE_COUNTS + 2 * COUNTS * 4

/** The room each raw name's interner record has for this module. */
export const RAW_NAME_ROOM: i32 = RAW_FIELDS_BYTES + RECORD_BYTES

/** A slot record, as the scan state has them: name, type, then the counts. */
export const SLOT_STRIDE: i32 = 2 + COUNTS
const OTHER_SLOT: i32 = 1 << 30
const NO_RECORD: i32 = -1

export class NameCounters {
  /** Per key id, the arena offset of its record, or NO_RECORD. */
  private readonly records: IntArray = new IntArray(1024, NO_RECORD)
  /** Slot records (SLOT_STRIDE numbers) of types other than A and AAAA. */
  private readonly slots: IntArray = new IntArray(256 * SLOT_STRIDE, 0)
  private slotCount: i32 = 0
  /** (key id, type id) → slot, for types past the inline ones. */
  private readonly otherTypes: PairIndex = new PairIndex()
  /** Key ids below this may have a record. */
  capacity: i32 = 0

  /** @param names The raw names' interner, made with RAW_NAME_ROOM. */
  constructor(private readonly names: Interner) {}

  /**
   * Tie a new raw name to its key: the key's record becomes the one in the raw name's
   * interner record when the key has none yet.
   *
   * @param raw The raw name's arena offset (the interner's `found`).
   * @param keyId Its key id, or -1 for the root, which has no record.
   * @returns The key's record, or -1.
   */
  attach(raw: i32, keyId: i32): i32 {
    const room = this.names.extraAt(raw)
    let record = NO_RECORD
    if (keyId >= 0) {
      this.records.reserve(keyId)
      record = this.records.get(keyId)
      if (record == NO_RECORD) record = this.start(keyId, room + RAW_FIELDS_BYTES)
    }
    this.store(room, RAW_KEY_RECORD, record)
    this.store(room, RAW_SPELLED, 0)
    return record
  }

  /** The record of the key a raw name was attached to, or -1. */
  recordOfRaw(raw: i32): i32 {
    return this.load(this.names.extraAt(raw), RAW_KEY_RECORD)
  }

  /** `true` the first time it is asked for a raw name: the host is to be told of it. */
  isNewSpelling(raw: i32): bool {
    const room = this.names.extraAt(raw)
    if (this.load(room, RAW_SPELLED) != 0) return false
    this.store(room, RAW_SPELLED, 1)
    return true
  }

  /** The record of `keyId`, made in a block of its own when the key has none. */
  recordOf(keyId: i32): i32 {
    this.records.reserve(keyId)
    const record = this.records.get(keyId)
    return record == NO_RECORD ? this.start(keyId, this.names.block(RECORD_BYTES)) : record
  }

  /**
   * Mark the name observed.
   *
   * @returns `true` the first time, when `line` becomes its first line.
   */
  observe(record: i32, line: i32): bool {
    if (this.load(record, FIRST_LINE) >= 0) return false
    this.store(record, FIRST_LINE, line)
    return true
  }

  isObserved(record: i32): bool {
    return this.load(record, FIRST_LINE) >= 0
  }

  /** The counts handle of an observed name for one query type. */
  slot(record: i32, keyId: i32, typeId: i32): i32 {
    if (typeId <= TYPE_AAAA) return record + TYPE_COUNTS + typeId * COUNTS * 4
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
    this.count(slot, 0)
  }

  countOutcome(slot: i32, outcome: i32): void {
    this.count(slot, 1 + outcome)
  }

  /** Widen the name's first/last seen to include `time`. */
  seenAt(record: i32, time: i32): void {
    const first = this.load(record, FIRST_SEEN)
    if (first < 0 || time < first) this.store(record, FIRST_SEEN, time)
    if (time > this.load(record, LAST_SEEN)) this.store(record, LAST_SEEN, time)
  }

  /** Note that client `label` (below CLIENT_LABEL_BITS) asked for the name. */
  addClient(record: i32, label: i32): void {
    this.store(record, CLIENT_BITS, this.load(record, CLIENT_BITS) | (1 << label))
  }

  /**
   * Inline address `index` (0 … INLINE_ADDRESSES-1) of `family` (0: IPv4, 1: IPv6), or -1;
   * they fill in order.
   */
  address(record: i32, family: i32, index: i32): i32 {
    return this.load(record, addressAt(family, index))
  }

  setAddress(record: i32, family: i32, index: i32, address: i32): void {
    this.store(record, addressAt(family, index), address)
  }

  /**
   * Push NAME_RECORD numbers per observed name to `output`: key id, first line, first/last
   * seen, client bits.
   */
  pushNames(output: IntArray): void {
    for (let keyId = 0; keyId < this.capacity; keyId++) {
      const record = this.records.get(keyId)
      if (record == NO_RECORD || !this.isObserved(record)) continue
      output.push(keyId)
      output.push(this.load(record, FIRST_LINE))
      output.push(this.load(record, FIRST_SEEN))
      output.push(this.load(record, LAST_SEEN))
      output.push(this.load(record, CLIENT_BITS))
    }
  }

  /** Push every slot record with a count to `output`: inline A/AAAA first, then the others. */
  pushSlots(output: IntArray): void {
    for (let keyId = 0; keyId < this.capacity; keyId++) {
      const record = this.records.get(keyId)
      if (record == NO_RECORD) continue
      for (let typeId = 0; typeId <= TYPE_AAAA; typeId++) {
        const at = record + TYPE_COUNTS + typeId * COUNTS * 4
        let used = false
        for (let count = 0; count < COUNTS; count++) used = used || this.load(at, count * 4) != 0
        if (!used) continue
        output.push(keyId)
        output.push(typeId)
        for (let count = 0; count < COUNTS; count++) output.push(this.load(at, count * 4))
      }
    }
    for (let at = 0; at < this.slotCount * SLOT_STRIDE; at++) output.push(this.slots.get(at))
  }

  /**
   * Push (key id, address handle) for the inline addresses of `family` of every name.
   */
  pushAddresses(output: IntArray, family: i32): void {
    for (let keyId = 0; keyId < this.capacity; keyId++) {
      const record = this.records.get(keyId)
      if (record == NO_RECORD) continue
      for (let index = 0; index < INLINE_ADDRESSES; index++) {
        const address = this.address(record, family, index)
        if (address < 0) break
        output.push(keyId)
        output.push(address)
      }
    }
  }

  /** Make `record` (arena offset) the empty record of `keyId`. */
  private start(keyId: i32, record: i32): i32 {
    // No time, no first line, no address (-1); no client bits and no counts (0).
    memory.fill(<usize>(this.names.base + record), 0xff, <usize>TYPE_COUNTS)
    memory.fill(<usize>(this.names.base + record + TYPE_COUNTS), 0, <usize>(2 * COUNTS * 4))
    this.store(record, CLIENT_BITS, 0)
    this.records.set(keyId, record)
    if (keyId >= this.capacity) this.capacity = keyId + 1
    return record
  }

  private count(handle: i32, field: i32): void {
    if ((handle & OTHER_SLOT) != 0) {
      const at = (handle & ~OTHER_SLOT) + field
      this.slots.set(at, this.slots.get(at) + 1)
    } else this.store(handle, field * 4, this.load(handle, field * 4) + 1)
  }

  @inline private load(offset: i32, field: i32): i32 {
    return load<i32>(<usize>(this.names.base + offset + field))
  }

  @inline private store(offset: i32, field: i32, value: i32): void {
    store<i32>(<usize>(this.names.base + offset + field), value)
  }
}

function addressAt(family: i32, index: i32): i32 {
  return ADDRESSES + (family * INLINE_ADDRESSES + index) * 4
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

  add(record: i32, keyId: i32, address: i32): void {
    const counters = this.counters
    for (let index = 0; index < INLINE_ADDRESSES; index++) {
      const known = counters.address(record, this.family, index)
      if (known == address) return
      if (known < 0) {
        counters.setAddress(record, this.family, index, address)
        return
      }
    }
    this.overflow.indexOf(keyId, address)
  }
}
