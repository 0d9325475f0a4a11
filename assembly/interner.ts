/**
 * Byte strings (names, query types, clients, addresses) numbered 0, 1, 2 … in the order they
 * first appear, in an open-addressing table. The TypeScript side decodes a value from the
 * arena by id the first time it needs the text.
 *
 * Probing is where ingest waits for memory on a log with tens of thousands of names, so each
 * value is one arena record (hash, length, id, a payload the caller may set, then the bytes)
 * and the table holds the records' offsets: a lookup costs the miss of its slot and the miss
 * of the record, whose header rules out other values before their bytes are compared. An
 * interner may give each record room for more (`extraBytes`, after the value's bytes): what
 * its owner keeps per value there arrives in the cache with the value itself.
 */
import {sameBytes} from './bytes'

const EMPTY: i32 = -1
/** Record header: hash, length, id, payload. */
const HEADER: i32 = 16
/** The payload of a value until it is set. */
export const NO_PAYLOAD: i32 = -2

export class Interner {
  /** Number of values; ids are 0 … size-1. */
  size: i32 = 0
  /**
   * The arena offset of the record last found or added, for `payload`/`setPayload`; as stable
   * a handle of the value as its id, and one that reaches the record without the id's table.
   */
  found: i32 = 0
  /** Per slot, a record's arena offset or EMPTY. */
  private slots: i32 = 0
  private slotCount: i32 = 1024
  /** Per id, its record's arena offset. */
  private offsets: i32 = 0
  private offsetCapacity: i32 = 512
  private arena: i32 = 0
  private arenaUsed: i32 = 0
  private arenaCapacity: i32 = 16_384

  /** @param extraBytes Room per record for its owner (see `extraAt`), a multiple of 4. */
  constructor(private readonly extraBytes: i32 = 0) {
    this.slots = emptySlots(this.slotCount)
    this.offsets = allocate(this.offsetCapacity * 4)
    this.arena = allocate(this.arenaCapacity)
  }

  /** The id of the bytes `[start, end)`, adding them (payload NO_PAYLOAD) when new. */
  intern(start: i32, end: i32): i32 {
    const length = end - start
    const hash = hashBytes(start, length)
    const mask = this.slotCount - 1
    let slot = hash & mask
    for (;;) {
      const offset = load<i32>(<usize>(this.slots + slot * 4))
      if (offset == EMPTY) break
      const record = <usize>(this.arena + offset)
      if (
        load<i32>(record) == hash &&
        load<i32>(record, 4) == length &&
        sameBytes(<i32>record + HEADER, start, length)
      ) {
        this.found = offset
        return load<i32>(record, 8)
      }
      slot = (slot + 1) & mask
    }
    return this.add(start, length, hash, slot)
  }

  /** The payload of the value `intern` returned last. */
  payload(): i32 {
    return load<i32>(<usize>(this.arena + this.found), 12)
  }

  setPayload(value: i32): void {
    store<i32>(<usize>(this.arena + this.found), value, 12)
  }

  /** Whether the record at arena offset `offset` (see `found`) holds the bytes `[start, end)`. */
  holdsAt(offset: i32, start: i32, end: i32): bool {
    const record = this.arena + offset
    const length = end - start
    return load<i32>(<usize>record, 4) == length && sameBytes(record + HEADER, start, length)
  }

  /** Where the arena starts now: offsets stay valid when it grows, addresses do not. */
  get base(): i32 {
    return this.arena
  }

  /** The arena offset of the room for the owner in the record at arena offset `offset`. */
  extraAt(offset: i32): i32 {
    return offset + HEADER + ((load<i32>(<usize>(this.arena + offset), 4) + 3) & ~3)
  }

  /** A block of `bytes` (a multiple of 4) in the arena, apart from any value: its offset. */
  block(bytes: i32): i32 {
    this.reserve(bytes)
    const offset = this.arenaUsed
    this.arenaUsed += bytes
    return offset
  }

  /** The id of the record at arena offset `offset`. */
  idAt(offset: i32): i32 {
    return load<i32>(<usize>(this.arena + offset), 8)
  }

  /** The address of value `id`'s bytes. */
  pointer(id: i32): i32 {
    return this.arena + load<i32>(<usize>(this.offsets + id * 4)) + HEADER
  }

  length(id: i32): i32 {
    return load<i32>(<usize>(this.arena + load<i32>(<usize>(this.offsets + id * 4))), 4)
  }

  private add(start: i32, length: i32, hash: i32, slot: i32): i32 {
    const id = this.size++
    // Records start on 4-byte boundaries, so that their headers load aligned.
    const bytes = HEADER + ((length + 3) & ~3) + this.extraBytes
    this.reserve(bytes)
    if (id >= this.offsetCapacity) {
      const capacity = this.offsetCapacity * 2
      this.offsets = grow(this.offsets, this.offsetCapacity * 4, capacity * 4)
      this.offsetCapacity = capacity
    }
    const offset = this.arenaUsed
    const record = <usize>(this.arena + offset)
    store<i32>(record, hash)
    store<i32>(record, length, 4)
    store<i32>(record, id, 8)
    store<i32>(record, NO_PAYLOAD, 12)
    memory.copy(record + HEADER, <usize>start, <usize>length)
    this.arenaUsed += bytes
    store<i32>(<usize>(this.offsets + id * 4), offset)
    store<i32>(<usize>(this.slots + slot * 4), offset)
    this.found = offset
    if (this.size * 2 > this.slotCount) this.rehash()
    return id
  }

  /**
   * Make room for `bytes` more in the arena, and sixteen past them: readers of a value may load
   * sixteen bytes at a time.
   */
  private reserve(bytes: i32): void {
    if (this.arenaUsed + bytes + 16 <= this.arenaCapacity) return
    const capacity = max(this.arenaCapacity * 2, this.arenaUsed + bytes + 16)
    this.arena = grow(this.arena, this.arenaUsed, capacity)
    this.arenaCapacity = capacity
  }

  private rehash(): void {
    const count = this.slotCount * 2
    const slots = emptySlots(count)
    const mask = count - 1
    for (let id = 0; id < this.size; id++) {
      const offset = load<i32>(<usize>(this.offsets + id * 4))
      let slot = load<i32>(<usize>(this.arena + offset)) & mask
      while (load<i32>(<usize>(slots + slot * 4)) != EMPTY) slot = (slot + 1) & mask
      store<i32>(<usize>(slots + slot * 4), offset)
    }
    heap.free(<usize>this.slots)
    this.slots = slots
    this.slotCount = count
  }
}

/**
 * FNV-1a over eight bytes at a time (the last ones masked: a value is always followed by more
 * readable memory), then MurmurHash3's finaliser, so that the low bits (the slot) vary.
 */
function hashBytes(start: i32, length: i32): i32 {
  let hash: u64 = 0xcbf29ce484222325 ^ (<u64>length)
  let index = 0
  for (; index + 8 <= length; index += 8) {
    hash = (hash ^ load<u64>(<usize>(start + index))) * 0x100000001b3
  }
  if (index < length) {
    const bits: u64 = (<u64>(length - index)) << 3
    const rest = load<u64>(<usize>(start + index)) & (((<u64>1) << bits) - 1)
    hash = (hash ^ rest) * 0x100000001b3
  }
  hash ^= hash >> 33
  hash *= 0xff51afd7ed558ccd
  hash ^= hash >> 33
  return <i32>(hash & 0x7fffffff)
}

function allocate(bytes: i32): i32 {
  return <i32>heap.alloc(<usize>bytes)
}

function emptySlots(count: i32): i32 {
  const slots = allocate(count * 4)
  memory.fill(<usize>slots, 0xff, <usize>(count * 4))
  return slots
}

/** A block of `capacity` bytes holding the first `used` bytes of `block`, which is freed. */
function grow(block: i32, used: i32, capacity: i32): i32 {
  const moved = allocate(capacity)
  memory.copy(<usize>moved, <usize>block, <usize>used)
  heap.free(<usize>block)
  return moved
}
