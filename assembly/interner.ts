/**
 * Byte strings (names, query types, clients, addresses) numbered 0, 1, 2 … in the order they
 * first appear, in an open-addressing table. A value is copied into the arena once; the
 * TypeScript side decodes it from there by id the first time it needs the text.
 *
 * The table holds only ids (four bytes a slot), so that it stays small enough for the
 * processor's cache on a log with tens of thousands of names: a probe then mostly costs the
 * one cache miss of the value's entry. Each entry keeps the value's hash, which rules out
 * other values without touching their bytes.
 */
import {byteAt, sameBytes} from './bytes'

const EMPTY: i32 = -1
/** Bytes per entry: arena offset, length, hash. */
const ENTRY: i32 = 12

export class Interner {
  /** Number of values; ids are 0 … size-1. */
  size: i32 = 0
  /** Per slot, an id or EMPTY. */
  private slots: i32 = 0
  private slotCount: i32 = 1024
  private entries: i32 = 0
  private entryCapacity: i32 = 512
  private arena: i32 = 0
  private arenaUsed: i32 = 0
  private arenaCapacity: i32 = 8192

  constructor() {
    this.slots = emptySlots(this.slotCount)
    this.entries = allocate(this.entryCapacity * ENTRY)
    this.arena = allocate(this.arenaCapacity)
  }

  /** The id of the bytes `[start, end)`, adding them when new. */
  intern(start: i32, end: i32): i32 {
    const length = end - start
    const hash = hashBytes(start, length)
    const mask = this.slotCount - 1
    let slot = hash & mask
    for (;;) {
      const id = load<i32>(<usize>(this.slots + slot * 4))
      if (id == EMPTY) break
      const entry = <usize>(this.entries + id * ENTRY)
      if (
        load<i32>(entry, 8) == hash &&
        load<i32>(entry, 4) == length &&
        sameBytes(this.arena + load<i32>(entry), start, length)
      ) {
        return id
      }
      slot = (slot + 1) & mask
    }
    return this.add(start, length, hash, slot)
  }

  /** Whether value `id` is the bytes `[start, end)`. */
  holds(id: i32, start: i32, end: i32): bool {
    const length = end - start
    return this.length(id) == length && sameBytes(this.pointer(id), start, length)
  }

  /** The address of value `id`'s bytes. */
  pointer(id: i32): i32 {
    return this.arena + load<i32>(<usize>(this.entries + id * ENTRY))
  }

  length(id: i32): i32 {
    return load<i32>(<usize>(this.entries + id * ENTRY), 4)
  }

  private add(start: i32, length: i32, hash: i32, slot: i32): i32 {
    const id = this.size++
    if (this.arenaUsed + length > this.arenaCapacity) {
      const capacity = max(this.arenaCapacity * 2, this.arenaUsed + length)
      this.arena = grow(this.arena, this.arenaUsed, capacity)
      this.arenaCapacity = capacity
    }
    if (id >= this.entryCapacity) {
      const capacity = this.entryCapacity * 2
      this.entries = grow(this.entries, this.entryCapacity * ENTRY, capacity * ENTRY)
      this.entryCapacity = capacity
    }
    memory.copy(<usize>(this.arena + this.arenaUsed), <usize>start, <usize>length)
    const entry = <usize>(this.entries + id * ENTRY)
    store<i32>(entry, this.arenaUsed)
    store<i32>(entry, length, 4)
    store<i32>(entry, hash, 8)
    this.arenaUsed += length
    store<i32>(<usize>(this.slots + slot * 4), id)
    if (this.size * 2 > this.slotCount) this.rehash()
    return id
  }

  private rehash(): void {
    const count = this.slotCount * 2
    const slots = emptySlots(count)
    const mask = count - 1
    for (let id = 0; id < this.size; id++) {
      let slot = load<i32>(<usize>(this.entries + id * ENTRY), 8) & mask
      while (load<i32>(<usize>(slots + slot * 4)) != EMPTY) slot = (slot + 1) & mask
      store<i32>(<usize>(slots + slot * 4), id)
    }
    heap.free(<usize>this.slots)
    this.slots = slots
    this.slotCount = count
  }
}

/** FNV-1a over four bytes at a time, then mixed so that the low bits (the slot) vary. */
function hashBytes(start: i32, length: i32): i32 {
  let hash: u32 = 0x811c9dc5
  let index = 0
  for (; index + 4 <= length; index += 4) {
    hash = (hash ^ load<u32>(<usize>(start + index))) * 0x01000193
  }
  for (; index < length; index++) hash = (hash ^ (<u32>byteAt(start + index))) * 0x01000193
  hash ^= hash >>> 15
  hash *= 0x2c1b3c6d
  hash ^= hash >>> 12
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
