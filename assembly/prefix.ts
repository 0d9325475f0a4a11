/**
 * Everything before dnsmasq's message: the timestamp and the program tag, in the three shapes
 * dnsmasq lines come in (its own log file, rsyslog with a host, journald), and the
 * `log-queries=extra` fields after the tag. Results land in the exported globals below, which
 * are set only for TAG_DNSMASQ.
 */
import {byteAt, indexOfByte, isDigit, sameBytes, startsWithWord, word} from './bytes'

/** The line was written by dnsmasq's DNS side: its message starts at `messageStart`. */
export const TAG_DNSMASQ: i32 = 0
/** Written by dnsmasq's DHCP/TFTP/script side (`dnsmasq-dhcp[PID]:`): known, not about DNS. */
export const TAG_DNSMASQ_OTHER: i32 = 1
/** Written by another program (syslog and journald files mix many). */
export const TAG_FOREIGN: i32 = 2
/** Not a log line of any known shape. */
export const TAG_UNKNOWN: i32 = 3

export const SHAPE_PLAIN: i32 = 0
export const SHAPE_SYSLOG: i32 = 1
export const SHAPE_JOURNALD: i32 = 2

/** Seconds since 1 January 00:00:00 of the log's (unknown) year, local wall clock. */
export let lineTime: i32 = 0
/** The logging process: TCP queries come from forked children with their own PID. */
export let linePid: i32 = 0
/** Where the message after `dnsmasq[PID]: ` (and any extra fields) starts. */
export let messageStart: i32 = 0
export let lineShape: i32 = SHAPE_PLAIN
/** The `log-queries=extra` serial, or -1. */
export let lineSerial: i32 = -1

const SECONDS_PER_DAY: i32 = 86_400
/** Every month is given 31 days: the encoding only has to sort and print back. */
const SECONDS_PER_MONTH: i32 = 31 * SECONDS_PER_DAY

/** The last dnsmasq line's prefix, when it fits: most lines repeat it byte for byte. */
const LAST_PREFIX_CAPACITY: i32 = 64
const lastPrefix = <i32>heap.alloc(<usize>LAST_PREFIX_CAPACITY)
/** 0 when there is nothing to compare with. */
let lastPrefixLength: i32 = 0

/**
 * Parse the prefix of `[start, end)`: whose line it is. A line that repeats the last dnsmasq
 * line's prefix would parse to the same globals, which still hold that parse.
 */
export function parsePrefix(start: i32, end: i32): i32 {
  const length = lastPrefixLength
  if (length > 0 && end - start > length && sameBytes(lastPrefix, start, length)) {
    messageStart = start + length
    return TAG_DNSMASQ
  }
  const tag = parseNewPrefix(start, end)
  lastPrefixLength = 0
  if (tag == TAG_DNSMASQ && messageStart - start <= LAST_PREFIX_CAPACITY) {
    lastPrefixLength = messageStart - start
    memory.copy(<usize>lastPrefix, <usize>start, <usize>lastPrefixLength)
  }
  return tag
}

function parseNewPrefix(start: i32, end: i32): i32 {
  const first = byteAt(start)
  if (isDigit(first)) return parseJournaldLine(start, end)
  const time = parseSyslogTime(start, end)
  if (time < 0 || byteAt(start + 15) != 0x20) return TAG_UNKNOWN
  // dnsmasq's own file has the tag right after the time; a host name there has no `[pid]:`.
  const kind = parseTag(start + 16, end)
  if (kind != TAG_UNKNOWN) {
    lineTime = time
    lineShape = SHAPE_PLAIN
    return kind
  }
  const tag = skipHost(start + 16, end)
  if (tag < 0) return TAG_UNKNOWN
  lineTime = time
  lineShape = SHAPE_SYSLOG
  return parseTag(tag, end)
}

/**
 * Read the extra fields (`SERIAL CLIENT/PORT `) at `messageStart`, if any, moving
 * `messageStart` past them.
 *
 * @returns `false` when the line starts like extra fields but is malformed.
 */
export function parseExtraFields(end: i32): bool {
  lineSerial = -1
  const start = messageStart
  let at = start
  let serial = 0
  while (at < end && isDigit(byteAt(at))) {
    serial = serial * 10 + byteAt(at) - 0x30
    at++
  }
  if (at == start) return true
  if (byteAt(at) != 0x20) return false
  at++
  const client = at
  let slash = -1
  while (at < end && byteAt(at) != 0x20) {
    if (byteAt(at) == 0x2f) slash = at
    at++
  }
  if (slash <= client || at >= end) return false
  lineSerial = serial
  messageStart = at + 1
  return true
}

/** `2026-12-04T14:54:12+0000 HOST dnsmasq[16568]: …` (journalctl -o short-iso, RFC 3339). */
function parseJournaldLine(start: i32, end: i32): i32 {
  // The year and zone are dropped: the wall clock is what plain logs record.
  if (end - start < 19 || byteAt(start + 4) != 0x2d || byteAt(start + 7) != 0x2d) {
    return TAG_UNKNOWN
  }
  if (byteAt(start + 10) != 0x54) return TAG_UNKNOWN
  const month = digit(byteAt(start + 5)) * 10 + digit(byteAt(start + 6)) - 1
  const day = digit(byteAt(start + 8)) * 10 + digit(byteAt(start + 9))
  const clock = parseClock(start + 11)
  if (month < 0 || month > 11 || day < 1 || day > 31 || clock < 0) return TAG_UNKNOWN
  let at = start + 19
  while (at < end && byteAt(at) != 0x20) at++
  if (byteAt(at) != 0x20) return TAG_UNKNOWN
  const tag = skipHost(at + 1, end)
  if (tag < 0) return TAG_UNKNOWN
  const kind = parseTag(tag, end)
  if (kind == TAG_DNSMASQ) {
    lineTime = month * SECONDS_PER_MONTH + (day - 1) * SECONDS_PER_DAY + clock
    lineShape = SHAPE_JOURNALD
  }
  return kind
}

/** `Mmm dd hh:mm:ss` (day padded with a space or a zero) at `start` as seconds, or -1. */
function parseSyslogTime(start: i32, end: i32): i32 {
  if (end - start < 15 || byteAt(start + 3) != 0x20 || byteAt(start + 6) != 0x20) return -1
  const month = monthNumber(byteAt(start), byteAt(start + 1), byteAt(start + 2))
  if (month < 0) return -1
  const tens = byteAt(start + 4)
  const day = (tens == 0x20 ? 0 : digit(tens) * 10) + digit(byteAt(start + 5))
  const clock = parseClock(start + 7)
  if (day < 1 || day > 31 || clock < 0) return -1
  return month * SECONDS_PER_MONTH + (day - 1) * SECONDS_PER_DAY + clock
}

const DNSMASQ = word('dnsmasq')

/**
 * The program tag at `start` (`dnsmasq[16568]: `). Only dnsmasq's own tag counts:
 * `sshd[77]: … query[A] x.com …` merely contains dnsmasq-looking text.
 */
function parseTag(start: i32, end: i32): i32 {
  const named = startsWithWord(start, end, DNSMASQ, 7)
  // Nearly every line is dnsmasq's own: when the tag starts `dnsmasq[`, skip the search.
  let at = named && byteAt(start + 7) == 0x5b ? start + 7 : start
  while (at < end) {
    const byte = byteAt(at)
    if (byte == 0x5b || byte == 0x3a || byte == 0x20) break
    at++
  }
  if (at == start || at >= end || byteAt(at) == 0x20) return TAG_UNKNOWN
  const programEnd = at
  let pid = 0
  if (byteAt(at) == 0x5b) {
    at++
    const digits = at
    while (at < end && isDigit(byteAt(at))) {
      pid = pid * 10 + byteAt(at) - 0x30
      at++
    }
    if (at == digits || byteAt(at) != 0x5d) return TAG_UNKNOWN
    at++
  }
  if (byteAt(at) != 0x3a || byteAt(at + 1) != 0x20) return TAG_UNKNOWN
  if (!named || programEnd - start < 7) return TAG_FOREIGN
  if (programEnd - start != 7) {
    // dnsmasq-dhcp, dnsmasq-tftp, dnsmasq-script: dnsmasq's other facilities.
    return byteAt(start + 7) == 0x2d ? TAG_DNSMASQ_OTHER : TAG_FOREIGN
  }
  linePid = pid
  messageStart = at + 2
  return TAG_DNSMASQ
}

/** The offset after `HOST ` at `start`, or -1 when there is no host followed by a space. */
function skipHost(start: i32, end: i32): i32 {
  const space = indexOfByte(start, end, 0x20)
  return space <= start ? -1 : space + 1
}

/** `hh:mm:ss` at `start` as seconds, or -1. */
function parseClock(start: i32): i32 {
  if (byteAt(start + 2) != 0x3a || byteAt(start + 5) != 0x3a) return -1
  const hours = digit(byteAt(start)) * 10 + digit(byteAt(start + 1))
  const minutes = digit(byteAt(start + 3)) * 10 + digit(byteAt(start + 4))
  const seconds = digit(byteAt(start + 6)) * 10 + digit(byteAt(start + 7))
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60) {
    return -1
  }
  return hours * 3600 + minutes * 60 + seconds
}

/** The value of an ASCII digit, or a large negative number that fails every range check. */
function digit(byte: i32): i32 {
  return isDigit(byte) ? byte - 0x30 : -1000
}

/** 0-based month of an English three-letter month name, or -1. */
function monthNumber(first: i32, second: i32, third: i32): i32 {
  switch ((first << 16) | (second << 8) | third) {
    case 0x4a616e: // Jan
      return 0
    case 0x466562: // Feb
      return 1
    case 0x4d6172: // Mar
      return 2
    case 0x417072: // Apr
      return 3
    case 0x4d6179: // May
      return 4
    case 0x4a756e: // Jun
      return 5
    case 0x4a756c: // Jul
      return 6
    case 0x417567: // Aug
      return 7
    case 0x536570: // Sep
      return 8
    case 0x4f6374: // Oct
      return 9
    case 0x4e6f76: // Nov
      return 10
    case 0x446563: // Dec
      return 11
    default:
      return -1
  }
}
