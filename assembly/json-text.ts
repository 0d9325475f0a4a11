/**
 * A growing buffer of UTF-8 text with the pieces of `JSON.stringify(value, undefined, 2)`:
 * strings quoted and escaped as it escapes them, integers, literals, and the indentation of
 * nested members. The document writer (document.ts) builds the graph document's names with it.
 * Short pieces are stored sixteen bytes at a time: the buffer always has that much room past
 * its end.
 */

let textStart: i32 = <i32>heap.alloc(1 << 20)
let textEnd: i32 = textStart + (1 << 20) - 16
/** Where the next byte goes. */
let cursor: i32 = textStart

/** A newline and fifteen spaces: any indentation up to seven levels deep. */
const NEWLINE = literal('\n               ')

export function textAt(): i32 {
  return textStart
}

export function textLength(): i32 {
  return cursor - textStart
}

/** Start over with an empty text. */
export function clearText(): void {
  cursor = textStart
}

/** Make room for `bytes` more. */
export function reserveText(bytes: i32): void {
  if (cursor + bytes <= textEnd) return
  const length = cursor - textStart
  let capacity = (textEnd + 16 - textStart) * 2
  while (capacity < length + bytes + 16) capacity *= 2
  const moved = <i32>heap.alloc(<usize>capacity)
  memory.copy(<usize>moved, <usize>textStart, <usize>length)
  heap.free(<usize>textStart)
  textStart = moved
  textEnd = moved + capacity - 16
  cursor = moved + length
}

/**
 * Keep the ASCII `text` (at most sixteen characters) for `writeLiteral`.
 *
 * @returns Its handle: its length, then its bytes padded to sixteen.
 */
export function literal(text: string): i32 {
  const at = <i32>heap.alloc(20)
  memory.fill(<usize>at, 0, 20)
  store<i32>(<usize>at, text.length)
  for (let index = 0; index < text.length; index++) {
    store<u8>(<usize>(at + 4 + index), <u8>text.charCodeAt(index))
  }
  return at
}

/** Append a literal kept by `literal`. */
export function writeLiteral(handle: i32): void {
  reserveText(16)
  v128.store(<usize>cursor, v128.load(<usize>(handle + 4)))
  cursor += load<i32>(<usize>handle)
}

/** Append the bytes `[start, start + length)`. */
export function writeBytes(start: i32, length: i32): void {
  reserveText(length)
  memory.copy(<usize>cursor, <usize>start, <usize>length)
  cursor += length
}

export function writeByte(byte: i32): void {
  reserveText(1)
  store<u8>(<usize>cursor, <u8>byte)
  cursor++
}

/** A newline and `depth` (at most seven) levels of two-space indentation. */
export function writeNewline(depth: i32): void {
  reserveText(16)
  v128.store(<usize>cursor, v128.load(<usize>(NEWLINE + 4)))
  cursor += 1 + depth * 2
}

/** A non-negative integer in decimal. */
export function writeInteger(value: i32): void {
  let digits = 1
  for (let rest = value; rest >= 10; rest /= 10) digits++
  reserveText(digits)
  let at = cursor + digits
  let rest = value
  do {
    at--
    store<u8>(<usize>at, <u8>(0x30 + (rest % 10)))
    rest /= 10
  } while (rest > 0)
  cursor += digits
}

/**
 * The UTF-8 bytes `[start, start + length)` as a JSON string: quoted, with `"`, `\` and the
 * control characters escaped as `JSON.stringify` escapes them. (Its other escapes, of lone
 * surrogates, cannot occur in bytes that are UTF-8.) Up to sixteen bytes that need no escape
 * are copied at once.
 */
export function writeString(start: i32, length: i32): void {
  // Worst case: every byte becomes a six-byte \u00XX escape.
  reserveText(length * 6 + 2)
  store<u8>(<usize>cursor, 0x22)
  cursor++
  let index = 0
  while (index < length) {
    // Reads up to fifteen bytes past the string: inputs are allocated with that much room.
    const block = v128.load(<usize>(start + index))
    const lanes = length - index >= 16 ? 0xffff : (1 << (length - index)) - 1
    const special = v128.or(
      i8x16.lt_u(block, i8x16.splat(0x20)),
      v128.or(i8x16.eq(block, i8x16.splat(0x22)), i8x16.eq(block, i8x16.splat(0x5c))),
    )
    if ((i8x16.bitmask(special) & lanes) == 0) {
      v128.store(<usize>cursor, block)
      const copied = min(16, length - index)
      cursor += copied
      index += copied
      continue
    }
    writeEscaped(<i32>load<u8>(<usize>(start + index)))
    index++
  }
  store<u8>(<usize>cursor, 0x22)
  cursor++
}

/** One byte of a string, escaped when it must be. */
function writeEscaped(byte: i32): void {
  if (byte >= 0x20 && byte != 0x22 && byte != 0x5c) {
    store<u8>(<usize>cursor, <u8>byte)
    cursor++
    return
  }
  store<u8>(<usize>cursor, 0x5c)
  const short = shortEscape(byte)
  if (short != 0) {
    store<u8>(<usize>(cursor + 1), <u8>short)
    cursor += 2
    return
  }
  store<u8>(<usize>(cursor + 1), 0x75) // \u00XX
  store<u8>(<usize>(cursor + 2), 0x30)
  store<u8>(<usize>(cursor + 3), 0x30)
  store<u8>(<usize>(cursor + 4), <u8>hexDigit(byte >> 4))
  store<u8>(<usize>(cursor + 5), <u8>hexDigit(byte & 15))
  cursor += 6
}

/** The letter after the backslash of `byte`'s two-character escape, or 0 when it has none. */
function shortEscape(byte: i32): i32 {
  switch (byte) {
    case 0x22:
      return 0x22
    case 0x5c:
      return 0x5c
    case 0x08:
      return 0x62 // b
    case 0x09:
      return 0x74 // t
    case 0x0a:
      return 0x6e // n
    case 0x0c:
      return 0x66 // f
    case 0x0d:
      return 0x72 // r
    default:
      return 0
  }
}

function hexDigit(value: i32): i32 {
  return value < 10 ? 0x30 + value : 0x61 + value - 10
}
