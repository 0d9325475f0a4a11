/**
 * dnsmasq's DNS messages (the text after the tag and any extra fields). Only the fields the
 * graph needs are found, as byte ranges; the scanner interns them.
 */
import {
  byteAt,
  equals,
  indexOfByte,
  lanesFrom,
  lastIndexOf,
  lastIndexOfByte,
  lastIndexOfWord,
  startsWith,
  startsWithWord,
  word,
} from './bytes'

export const MESSAGE_UNKNOWN: i32 = 0
/** `query[TYPE] NAME from CLIENT` */
export const MESSAGE_QUERY: i32 = 1
/** `forwarded NAME to SERVER` */
export const MESSAGE_FORWARDED: i32 = 2
/** `reply|cached|cached-stale NAME is ANSWER` */
export const MESSAGE_ANSWER: i32 = 3
/** `config|DHCP|/path/to/hosts NAME is ANSWER`: answered by dnsmasq itself. */
export const MESSAGE_LOCAL: i32 = 4
/** `reply error is REFUSED` (or another rcode): the upstream failed the pending query. */
export const MESSAGE_ERROR: i32 = 5
/** Known lines that say nothing about a name (`reply query is duplicate`; see also noise). */
export const MESSAGE_NOISE: i32 = 6

export const ANSWER_ADDRESS_V4: i32 = 0
export const ANSWER_ADDRESS_V6: i32 = 1
export const ANSWER_CNAME: i32 = 2
export const ANSWER_NXDOMAIN: i32 = 3
export const ANSWER_NODATA: i32 = 4
/** A positive answer without an address: `<MX>`, `<SRV>`, a PTR target name … */
export const ANSWER_OTHER: i32 = 5

export const LOCAL_CONFIG: i32 = 0
export const LOCAL_HOSTS: i32 = 1
export const LOCAL_DHCP: i32 = 2

/** The ids of query types A and AAAA, interned first: the builder keeps their slots inline. */
export const TYPE_A: i32 = 0
export const TYPE_AAAA: i32 = 1

export const IMPLIED_NONE: i32 = 0
export const IMPLIED_A: i32 = 1
export const IMPLIED_AAAA: i32 = 2

// The fields of the last message parsed: [start, end) byte ranges.
export let typeStart: i32 = 0
export let typeEnd: i32 = 0
export let nameStart: i32 = 0
export let nameEnd: i32 = 0
export let clientStart: i32 = 0
export let clientEnd: i32 = 0
export let answer: i32 = 0
export let addressStart: i32 = 0
export let addressEnd: i32 = 0
export let local: i32 = LOCAL_CONFIG
export let impliedType: i32 = IMPLIED_NONE

// The literals of nearly every line, as words (see bytes.ts).
const QUERY = word('query[')
const FORWARDE = word('forwarde')
const REPLY = word('reply ')
const CACHED = word('cached ')
const FROM = word(' from ')
const TO = word(' to ')
const IS = word(' is ')
const CNAME = word('<CNAME>')
const NXDOMAIN = word('NXDOMAIN')
const NODATA = word('NODATA')

/** Parse the message in `[start, end)`: its MESSAGE_* kind, MESSAGE_UNKNOWN if none. */
export function parseMessage(start: i32, end: i32): i32 {
  switch (byteAt(start)) {
    case 0x71: // q
      if (startsWithWord(start, end, QUERY, 6)) return parseQuery(start + 6, end)
      break
    case 0x66: // f
      if (startsWithWord(start, end, FORWARDE, 8) && startsWith(start + 8, end, 'd ')) {
        const to = lastIndexOfSeparator(start + 10, end, TO, 4)
        if (to > start + 10) {
          nameStart = start + 10
          nameEnd = to
          return MESSAGE_FORWARDED
        }
      }
      break
    case 0x72: // r
      if (startsWithWord(start, end, REPLY, 6)) return parseAnswer(start + 6, end)
      break
    case 0x63: // c
      if (startsWithWord(start, end, CACHED, 7)) return parseAnswer(start + 7, end)
      if (startsWith(start, end, 'cached-stale ')) return parseAnswer(start + 13, end)
      if (startsWith(start, end, 'config ')) return parseLocal(start + 7, end, LOCAL_CONFIG)
      break
    case 0x44: // D
      if (startsWith(start, end, 'DHCP ')) return parseLocal(start + 5, end, LOCAL_DHCP)
      break
    case 0x2f: {
      // `/etc/hosts NAME is ANSWER`: the path runs to the first space.
      const space = indexOfByte(start, end, 0x20)
      if (space > start) return parseLocal(space + 1, end, LOCAL_HOSTS)
      break
    }
  }
  return MESSAGE_UNKNOWN
}

/** `TYPE] NAME from CLIENT` at `start`: the name is everything up to the last ` from `. */
function parseQuery(start: i32, end: i32): i32 {
  const close = indexOfByte(start, end, 0x5d)
  if (close <= start || byteAt(close + 1) != 0x20) return MESSAGE_UNKNOWN
  const from = lastIndexOfSeparator(close + 2, end, FROM, 6)
  if (from <= close + 2) return MESSAGE_UNKNOWN
  typeStart = start
  typeEnd = close
  nameStart = close + 2
  nameEnd = from
  clientStart = from + 6
  clientEnd = end
  return MESSAGE_QUERY
}

/**
 * The last offset in `[start, end)` of a separator that starts and ends with a space (` from `,
 * ` to `; see bytes.ts's `word`), or -1. What follows it (a client, a server) nearly always has
 * no space, so the line's last space is mostly where the separator ends.
 */
function lastIndexOfSeparator(start: i32, end: i32, value: u64, length: i32): i32 {
  const at = lastIndexOfByte(start, end, 0x20) - length + 1
  if (at >= start && startsWithWord(at, end, value, length)) return at
  return lastIndexOfWord(start, end, value, length)
}

/** In a scanned word: it has a colon (IPv6-like); it is only digits and dots (IPv4-like). */
const WORD_COLON: i32 = 1
const WORD_DOTTED_DIGITS: i32 = 2
/** Set by scanWordBackward. */
let wordFlags: i32 = 0

function parseAnswer(start: i32, end: i32): i32 {
  // Nearly always the last word is the whole answer, right after the last ` is `: one backward
  // scan then finds the name's end and what the answer looks like.
  let wordStart = scanWordBackward(start, end)
  let wordEnd = end
  let is = wordStart - 4
  if (is <= start || !startsWithWord(is, wordStart, IS, 4)) {
    // A suffix such as ` (DNSSEC signed)` or ` (EDE: …)` follows the answer, up to a space.
    is = lastIndexOf(start, end, ' is ')
    if (is <= start) return MESSAGE_UNKNOWN
    wordStart = is + 4
    wordEnd = indexOfByte(wordStart, end, 0x20)
    if (wordEnd < 0) wordEnd = end
    scanWordBackward(wordStart, wordEnd)
  }
  if (equals(start, is, 'error')) return MESSAGE_ERROR
  if (equals(start, end, 'query is duplicate')) return MESSAGE_NOISE
  if (wordStart == wordEnd) return MESSAGE_UNKNOWN
  classifyAnswer(wordStart, wordEnd)
  nameStart = start
  nameEnd = is
  return MESSAGE_ANSWER
}

/**
 * Scan back from `end` to the last space in `[start, end)`, sixteen bytes at a time; the
 * word's start, and wordFlags.
 */
function scanWordBackward(start: i32, end: i32): i32 {
  let flags = WORD_DOTTED_DIGITS
  for (let blockEnd = end; blockEnd > start; blockEnd -= 16) {
    const blockStart = blockEnd - 16
    const block = v128.load(<usize>blockStart)
    let word = lanesFrom(blockStart, start)
    const spaces = i8x16.bitmask(i8x16.eq(block, i8x16.splat(0x20))) & word
    // The word is what lies past the block's last space.
    if (spaces != 0) word &= ~((2 << (31 - <i32>clz(spaces))) - 1)
    if ((i8x16.bitmask(i8x16.eq(block, i8x16.splat(0x3a))) & word) != 0) flags |= WORD_COLON
    const digits = i8x16.le_u(i8x16.sub(block, i8x16.splat(0x30)), i8x16.splat(9))
    const dotted = i8x16.bitmask(v128.or(digits, i8x16.eq(block, i8x16.splat(0x2e))))
    if ((word & ~dotted) != 0) flags &= ~WORD_DOTTED_DIGITS
    if (spaces != 0) {
      wordFlags = flags
      return blockStart + 32 - <i32>clz(spaces)
    }
  }
  wordFlags = flags
  return start
}

function parseLocal(start: i32, end: i32, source: i32): i32 {
  const kind = parseAnswer(start, end)
  if (kind != MESSAGE_ANSWER) return kind
  local = source
  return MESSAGE_LOCAL
}

/** Sort the non-empty answer word `[start, stop)` into ANSWER_*. */
function classifyAnswer(start: i32, stop: i32): void {
  impliedType = IMPLIED_NONE
  const length = stop - start
  if (length == 7 && startsWithWord(start, stop, CNAME, 7)) {
    answer = ANSWER_CNAME
  } else if (length == 8 && startsWithWord(start, stop, NXDOMAIN, 8)) {
    answer = ANSWER_NXDOMAIN
  } else if (startsWithWord(start, stop, NODATA, 6)) {
    answer = ANSWER_NODATA
    const family = length == 11 ? byteAt(start + 10) : 0 // NODATA-IPv4 / NODATA-IPv6
    impliedType = family == 0x34 ? IMPLIED_A : family == 0x36 ? IMPLIED_AAAA : IMPLIED_NONE
  } else if ((wordFlags & (WORD_COLON | WORD_DOTTED_DIGITS)) != 0) {
    const v6 = (wordFlags & WORD_COLON) != 0
    answer = v6 ? ANSWER_ADDRESS_V6 : ANSWER_ADDRESS_V4
    addressStart = start
    addressEnd = stop
    impliedType = v6 ? IMPLIED_AAAA : IMPLIED_A
  } else {
    answer = ANSWER_OTHER
  }
}
