/**
 * Byte access for the scanner. Offsets are i32 addresses in linear memory, as in the TypeScript
 * side; -1 means "not found", as `indexOf` does.
 */

/** The byte at `at`. */
export function byteAt(at: i32): i32 {
  return <i32>load<u8>(<usize>at)
}

/** The first offset of `byte` in `[start, end)`, or -1: sixteen bytes per step. */
export function indexOfByte(start: i32, end: i32, byte: i32): i32 {
  const needle = i8x16.splat(<i8>byte)
  let at = start
  while (at + 16 <= end) {
    const found = i8x16.bitmask(i8x16.eq(v128.load(<usize>at), needle))
    if (found != 0) return at + <i32>ctz(found)
    at += 16
  }
  for (; at < end; at++) if (byteAt(at) == byte) return at
  return -1
}

/** The last offset of `byte` in `[start, end)`, or -1: sixteen bytes per step, backwards. */
export function lastIndexOfByte(start: i32, end: i32, byte: i32): i32 {
  const needle = i8x16.splat(<i8>byte)
  for (let blockEnd = end; blockEnd > start; blockEnd -= 16) {
    const blockStart = blockEnd - 16
    const found =
      i8x16.bitmask(i8x16.eq(v128.load(<usize>blockStart), needle)) & lanesFrom(blockStart, start)
    if (found != 0) return blockStart + 31 - <i32>clz(found)
  }
  return -1
}

/**
 * The bits of a 16-byte block starting at `blockStart` whose bytes are at or past `start`.
 * Blocks are read backwards from a line's end, so the first one may begin before the line.
 */
export function lanesFrom(blockStart: i32, start: i32): i32 {
  return blockStart >= start ? 0xffff : (0xffff << (start - blockStart)) & 0xffff
}

/**
 * ASCII `text` of at most eight bytes as one number, for `startsWithWord` and
 * `lastIndexOfWord`: the literals of the hot paths, compared with one load instead of a loop.
 */
export function word(text: string): u64 {
  let value: u64 = 0
  for (let index = text.length - 1; index >= 0; index--) {
    value = (value << 8) | (<u64>text.charCodeAt(index))
  }
  return value
}

/** The mask of the low `length` bytes (1 … 8) of a word. */
function wordMask(length: i32): u64 {
  return length == 8 ? <u64>-1 : ((<u64>1) << (<u64>length * 8)) - 1
}

/**
 * Whether `[start, end)` starts with the `length` bytes of `value` (see `word`). Reads eight
 * bytes whatever `length` is: the scanner's memory always has room past a line.
 */
export function startsWithWord(start: i32, end: i32, value: u64, length: i32): bool {
  return end - start >= length && (load<u64>(<usize>start) & wordMask(length)) == value
}

/** The last offset in `[start, end)` where the `length` bytes of `value` start, or -1. */
export function lastIndexOfWord(start: i32, end: i32, value: u64, length: i32): i32 {
  const mask = wordMask(length)
  for (let at = end - length; at >= start; at--) {
    if ((load<u64>(<usize>at) & mask) == value) return at
  }
  return -1
}

/** Whether `[start, end)` starts with the ASCII `text`. */
export function startsWith(start: i32, end: i32, text: string): bool {
  const length = text.length
  if (end - start < length) return false
  for (let index = 0; index < length; index++) {
    if (byteAt(start + index) != text.charCodeAt(index)) return false
  }
  return true
}

/** Whether `[start, end)` is exactly the ASCII `text`. */
export function equals(start: i32, end: i32, text: string): bool {
  return end - start == text.length && startsWith(start, end, text)
}

/** The last offset in `[start, end)` where the ASCII `text` starts, or -1. */
export function lastIndexOf(start: i32, end: i32, text: string): i32 {
  const first = text.charCodeAt(0)
  for (let at = end - text.length; at >= start; at--) {
    if (byteAt(at) == first && startsWith(at, end, text)) return at
  }
  return -1
}

export function isDigit(byte: i32): bool {
  return byte >= 0x30 && byte <= 0x39
}

/**
 * Whether `[a, a + length)` and `[b, b + length)` hold the same bytes: sixteen at a time, the
 * last load overlapping the one before rather than finishing byte by byte.
 */
export function sameBytes(a: i32, b: i32, length: i32): bool {
  if (length >= 16) {
    for (let index = 0; index + 16 < length; index += 16) {
      if (v128.any_true(v128.xor(v128.load(<usize>(a + index)), v128.load(<usize>(b + index))))) {
        return false
      }
    }
    const last = length - 16
    return !v128.any_true(v128.xor(v128.load(<usize>(a + last)), v128.load(<usize>(b + last))))
  }
  if (length >= 8) {
    return (
      load<u64>(<usize>a) == load<u64>(<usize>b) &&
      load<u64>(<usize>(a + length - 8)) == load<u64>(<usize>(b + length - 8))
    )
  }
  if (length >= 4) {
    return (
      load<u32>(<usize>a) == load<u32>(<usize>b) &&
      load<u32>(<usize>(a + length - 4)) == load<u32>(<usize>(b + length - 4))
    )
  }
  for (let index = 0; index < length; index++)
    if (byteAt(a + index) != byteAt(b + index)) return false
  return true
}
