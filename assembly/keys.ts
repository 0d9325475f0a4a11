/**
 * Graph keys for raw names: lowercase ASCII without the trailing dot. Nearly every logged name
 * is ASCII, and for those the key is made here, as src/ingest/normalize-name.ts makes it (ASCII
 * letters lowercased, one trailing dot dropped; KEEP IN SYNC). A name with other bytes needs
 * Unicode case folding and punycode: the host works its key out and interns it with `internKey`.
 * Either way the keys are numbered in one interner, so both sides share the ids.
 */
import {keyOf} from './host'
import {keys} from './values'

/** The key of a name that has none (the root, `.`). */
const NO_KEY: i32 = -1

let scratch: i32 = <i32>heap.alloc(256)
let scratchCapacity: i32 = 256

/**
 * The key id of the raw name `[start, end)`, interned as `rawId`.
 *
 * @returns The key id, or NO_KEY.
 */
export function keyOfName(rawId: i32, start: i32, end: i32): i32 {
  let lowercase = true
  for (let at = start; at < end; at++) {
    const byte = <i32>load<u8>(<usize>at)
    if (byte >= 0x80) return keyOf(rawId)
    if (byte >= 0x41 && byte <= 0x5a) lowercase = false
  }
  if (end > start && load<u8>(<usize>(end - 1)) == 0x2e) end--
  if (end == start) return NO_KEY
  if (lowercase) return keys.intern(start, end)
  const length = end - start
  const at = keyScratch(length)
  for (let index = 0; index < length; index++) {
    const byte = <i32>load<u8>(<usize>(start + index))
    store<u8>(<usize>(at + index), <u8>(byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte))
  }
  return keys.intern(at, at + length)
}

/** Room for a key of `bytes` bytes (and the eight past it hashing reads): its address. */
export function keyScratch(bytes: i32): i32 {
  if (bytes + 8 > scratchCapacity) {
    heap.free(<usize>scratch)
    while (scratchCapacity < bytes + 8) scratchCapacity *= 2
    scratch = <i32>heap.alloc(<usize>scratchCapacity)
  }
  return scratch
}

/** The id of the key the host wrote at `[start, end)` (in `keyScratch`), numbering it when new. */
export function internKey(start: i32, end: i32): i32 {
  return keys.intern(start, end)
}
