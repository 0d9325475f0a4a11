/**
 * Interning byte strings without decoding them: a name, client or address that appears on a
 * million lines is hashed from the line's bytes, found in an open-addressing table and turned
 * into a small integer; it is decoded into a JavaScript string only the first time. This keeps
 * strings (and the garbage collector) off the per-line path, and memory proportional to the
 * distinct values.
 */

const EMPTY = -1

export class ByteInterner {
  /** Number of interned values; ids are 0 … size-1. */
  size = 0
  private slots: Int32Array
  private hashes: Int32Array
  private starts: Int32Array
  private lengths: Int32Array
  private arena: Uint8Array
  private arenaUsed = 0
  private readonly strings: string[] = []

  /**
   * @param encoding How values are decoded: `utf8` for names (lossy for invalid bytes, which
   *   still reach the graph), `latin1` for ASCII-only fields such as addresses.
   */
  constructor(private readonly encoding: 'utf8' | 'latin1') {
    this.slots = new Int32Array(1024).fill(EMPTY)
    this.hashes = new Int32Array(512)
    this.starts = new Int32Array(512)
    this.lengths = new Int32Array(512)
    this.arena = new Uint8Array(16_384)
  }

  /**
   * The id of `buffer[start, end)`, adding it when new.
   *
   * @returns The id; a new value gets the id `size - 1`.
   */
  intern(buffer: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0
    for (let offset = start; offset < end; offset++) {
      hash = Math.imul(hash ^ (buffer[offset] as number), 0x01000193)
    }
    const mask = this.slots.length - 1
    let slot = hash & mask
    const length = end - start
    for (;;) {
      const id = this.slots[slot] as number
      if (id === EMPTY) break
      if (
        this.hashes[id] === hash &&
        this.lengths[id] === length &&
        this.equals(id, buffer, start)
      ) {
        return id
      }
      slot = (slot + 1) & mask
    }
    return this.add(buffer, start, end, hash, slot)
  }

  /** The decoded value of an id. */
  text(id: number): string {
    return this.strings[id] as string
  }

  private equals(id: number, buffer: Uint8Array, start: number): boolean {
    const arena = this.arena
    let position = this.starts[id] as number
    const length = this.lengths[id] as number
    for (let index = 0; index < length; index++) {
      if (arena[position++] !== buffer[start + index]) return false
    }
    return true
  }

  private add(buffer: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const id = this.size++
    if (id >= this.hashes.length) this.growEntries()
    const length = end - start
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length))
      arena.set(this.arena.subarray(0, this.arenaUsed))
      this.arena = arena
    }
    this.arena.set(buffer.subarray(start, end), this.arenaUsed)
    this.hashes[id] = hash
    this.starts[id] = this.arenaUsed
    this.lengths[id] = length
    this.arenaUsed += length
    this.strings.push(
      Buffer.from(buffer.buffer, buffer.byteOffset + start, length).toString(this.encoding),
    )
    this.slots[slot] = id
    if (this.size * 2 > this.slots.length) this.rehash()
    return id
  }

  private growEntries(): void {
    const capacity = this.hashes.length * 2
    this.hashes = grow(this.hashes, capacity)
    this.starts = grow(this.starts, capacity)
    this.lengths = grow(this.lengths, capacity)
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY)
    const mask = slots.length - 1
    for (let id = 0; id < this.size; id++) {
      let slot = (this.hashes[id] as number) & mask
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask
      slots[slot] = id
    }
    this.slots = slots
  }
}

function grow(array: Int32Array, capacity: number): Int32Array {
  const grown = new Int32Array(capacity)
  grown.set(array)
  return grown
}
