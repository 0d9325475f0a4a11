/**
 * Orders of UTF-8 strings as the graph document sorts them in JavaScript: `Array#sort` compares
 * UTF-16 code units, and a record lists array-index keys (`"9"`, `"42"`) first, by value. Also
 * the small helpers for blocks of 32-bit integers the document module works with.
 */
import {Interner} from './interner'

export function getInt(pointer: i32, index: i32): i32 {
  return load<i32>(<usize>(pointer + index * 4))
}

export function setInt(pointer: i32, index: i32, value: i32): void {
  store<i32>(<usize>(pointer + index * 4), value)
}

/**
 * Compare two UTF-8 strings in the order of their UTF-16 code units: byte order (which is code
 * point order) except that characters past U+FFFF, surrogate pairs in UTF-16, come before
 * U+E000 … U+FFFF.
 *
 * @returns Negative, zero or positive, as `a` sorts before, with or after `b`.
 */
export function compareText(a: i32, aLength: i32, b: i32, bLength: i32): i32 {
  const length = min(aLength, bLength)
  for (let index = 0; index < length; index++) {
    const aByte = <i32>load<u8>(<usize>(a + index))
    const bByte = <i32>load<u8>(<usize>(b + index))
    if (aByte == bByte) continue
    // Differing lead bytes: EE/EF start U+E000 … U+FFFF, F0 … F4 four-byte characters.
    if (aByte >= 0xee && bByte >= 0xee && aByte < 0xf0 != bByte < 0xf0) {
      return aByte < 0xf0 ? 1 : -1
    }
    return aByte - bByte
  }
  return aLength - bLength
}

/** The value of an array-index key (`"0"` … `"4294967294"`), or -1. */
function arrayIndex(start: i32, length: i32): i64 {
  if (length == 0 || length > 10) return -1
  const first = <i32>load<u8>(<usize>start)
  if (first == 0x30 && length > 1) return -1
  let value: i64 = 0
  for (let index = 0; index < length; index++) {
    const digit = <i32>load<u8>(<usize>(start + index)) - 0x30
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value < 4_294_967_295 ? value : -1
}

/** The order keys of a record come out in when inserted sorted: array indexes first. */
function compareRecordKeys(a: i32, aLength: i32, b: i32, bLength: i32): i32 {
  const aIndex = arrayIndex(a, aLength)
  const bIndex = arrayIndex(b, bLength)
  if (aIndex >= 0 || bIndex >= 0) {
    if (aIndex < 0) return 1
    if (bIndex < 0) return -1
    return aIndex < bIndex ? -1 : aIndex > bIndex ? 1 : 0
  }
  return compareText(a, aLength, b, bLength)
}

/**
 * Each interned value's place in sorted order.
 *
 * @param recordKeys Sort as record keys (array indexes first) rather than as array items.
 * @returns A block of one rank per id, to free.
 */
export function ranksOf(values: Interner, recordKeys: bool): i32 {
  const count = values.size
  const order = <i32>heap.alloc(<usize>(max(count, 1) * 4))
  for (let id = 0; id < count; id++) setInt(order, id, id)
  const scratch = <i32>heap.alloc(<usize>(max(count, 1) * 4))
  mergeSort(values, recordKeys, order, scratch, 0, count)
  heap.free(<usize>scratch)
  const ranks = <i32>heap.alloc(<usize>(max(count, 1) * 4))
  for (let rank = 0; rank < count; rank++) setInt(ranks, getInt(order, rank), rank)
  heap.free(<usize>order)
  return ranks
}

function mergeSort(
  values: Interner,
  recordKeys: bool,
  ids: i32,
  scratch: i32,
  start: i32,
  end: i32,
): void {
  if (end - start < 2) return
  const middle = (start + end) >>> 1
  mergeSort(values, recordKeys, ids, scratch, start, middle)
  mergeSort(values, recordKeys, ids, scratch, middle, end)
  let left = start
  let right = middle
  for (let at = start; at < end; at++) {
    let takeLeft = right >= end
    if (left < middle && right < end) {
      const a = getInt(ids, left)
      const b = getInt(ids, right)
      const order = recordKeys
        ? compareRecordKeys(
            values.pointer(a),
            values.length(a),
            values.pointer(b),
            values.length(b),
          )
        : compareText(values.pointer(a), values.length(a), values.pointer(b), values.length(b))
      takeLeft = order <= 0
    }
    if (takeLeft && left < middle) setInt(scratch, at, getInt(ids, left++))
    else setInt(scratch, at, getInt(ids, right++))
  }
  memory.copy(<usize>(ids + start * 4), <usize>(scratch + start * 4), <usize>((end - start) * 4))
}
