/**
 * Interning byte strings without decoding them: a name, client or address that appears on a
 * million lines is hashed from the line's bytes, found in an open-addressing table and turned
 * into a small integer; it is decoded into a JavaScript string only the first time. This keeps
 * strings (and the garbage collector) off the per-line path, and memory proportional to the
 * distinct values.
 *
 * Every probe is a likely cache miss on a large log, so the table keeps each slot's hash next
 * to its id (a mismatch costs one miss, not three) and each value's offset next to its length.
 * Hashing and comparing read four bytes at a time through DataViews: a byte loop was most of
 * the cost of interning a name.
 */

import {withRoomFor} from './int-arrays.js'

const EMPTY = -1

export class ByteInterner {
  /** Number of interned values; ids are 0 … size-1. */
  size = 0
  /** Per slot: hash, then id (EMPTY when free). */
  private slots: Int32Array
  /** Per id: arena offset, then length. */
  private entries: Int32Array
  private arena: Uint8Array
  private arenaView: DataView
  private arenaUsed = 0
  private readonly strings: string[] = []
  /** The DataView of the last buffer seen: lines come a chunk (one buffer) at a time. */
  private lineBuffer: Uint8Array | undefined
  private lineView: DataView = new DataView(new ArrayBuffer(0))

  /**
   * @param encoding How values are decoded: `utf8` for names (lossy for invalid bytes, which
   *   still reach the graph), `latin1` for ASCII-only fields such as addresses.
   */
  constructor(private readonly encoding: 'utf8' | 'latin1') {
    this.slots = new Int32Array(2048).fill(EMPTY)
    this.entries = new Int32Array(1024)
    this.arena = new Uint8Array(16_384)
    this.arenaView = new DataView(this.arena.buffer)
  }

  /**
   * The id of `buffer[start, end)`, adding it when new.
   *
   * @returns The id; a new value gets the id `size - 1`.
   */
  intern(buffer: Uint8Array, start: number, end: number): number {
    const hash = this.hash(buffer, start, end)
    const slots = this.slots
    const mask = (slots.length >> 1) - 1
    let slot = hash & mask
    for (;;) {
      const id = slots[slot * 2 + 1] as number
      if (id === EMPTY) break
      if (slots[slot * 2] === hash && this.matches(id, buffer, start, end)) return id
      slot = (slot + 1) & mask
    }
    return this.add(buffer, start, end, hash, slot)
  }

  /** Whether `id` holds exactly the bytes `buffer[start, end)`. */
  matches(id: number, buffer: Uint8Array, start: number, end: number): boolean {
    const length = end - start
    if (this.entries[id * 2 + 1] !== length) return false
    const line = this.viewOf(buffer)
    const arena = this.arenaView
    const position = (this.entries[id * 2] as number) - start
    let offset = start
    for (; offset + 4 <= end; offset += 4) {
      if (arena.getInt32(position + offset, true) !== line.getInt32(offset, true)) return false
    }
    for (; offset < end; offset++) {
      if (arena.getUint8(position + offset) !== buffer[offset]) return false
    }
    return true
  }

  /** `matches`, comparing the last bytes first: quicker to fail for values that end apart. */
  matchesBackwards(id: number, buffer: Uint8Array, start: number, end: number): boolean {
    const length = this.entries[id * 2 + 1] as number
    if (length !== end - start) return false
    const arena = this.arena
    let position = (this.entries[id * 2] as number) + length
    for (let offset = end - 1; offset >= start; offset--) {
      if (arena[--position] !== buffer[offset]) return false
    }
    return true
  }

  /** The decoded value of an id. */
  text(id: number): string {
    return this.strings[id] as string
  }

  /** Every decoded value, by id. */
  texts(): string[] {
    return [...this.strings]
  }

  /** FNV-1a over four-byte words, then over the last bytes. */
  private hash(buffer: Uint8Array, start: number, end: number): number {
    const line = this.viewOf(buffer)
    let hash = 0x811c9dc5 | 0
    let offset = start
    for (; offset + 4 <= end; offset += 4)
      hash = Math.imul(hash ^ line.getInt32(offset, true), 0x01000193)
    for (; offset < end; offset++) hash = Math.imul(hash ^ (buffer[offset] as number), 0x01000193)
    // Fold the high bits in: the table index uses the low ones.
    return hash ^ (hash >>> 16)
  }

  private viewOf(buffer: Uint8Array): DataView {
    if (buffer !== this.lineBuffer) {
      this.lineBuffer = buffer
      this.lineView = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    }
    return this.lineView
  }

  private add(buffer: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const id = this.size++
    this.entries = withRoomFor(this.entries, id * 2 + 1)
    const length = end - start
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length))
      arena.set(this.arena.subarray(0, this.arenaUsed))
      this.arena = arena
      this.arenaView = new DataView(arena.buffer)
    }
    this.arena.set(buffer.subarray(start, end), this.arenaUsed)
    this.entries[id * 2] = this.arenaUsed
    this.entries[id * 2 + 1] = length
    this.arenaUsed += length
    this.strings.push(
      Buffer.from(buffer.buffer, buffer.byteOffset + start, length).toString(this.encoding),
    )
    this.slots[slot * 2] = hash
    this.slots[slot * 2 + 1] = id
    if (this.size * 4 > this.slots.length) this.rehash()
    return id
  }

  /** Double the table, keeping it at most half full. */
  private rehash(): void {
    const old = this.slots
    const slots = new Int32Array(old.length * 2).fill(EMPTY)
    const mask = (slots.length >> 1) - 1
    for (let index = 0; index < old.length; index += 2) {
      const id = old[index + 1] as number
      if (id === EMPTY) continue
      const hash = old[index] as number
      let slot = hash & mask
      while (slots[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask
      slots[slot * 2] = hash
      slots[slot * 2 + 1] = id
    }
    this.slots = slots
  }
}
