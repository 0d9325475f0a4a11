/**
 * Log timestamps as numbers. Plain and syslog lines carry no year (`Dec  4 14:54:12`) and
 * journald's carries one; both become seconds since the start of a year on the log's wall
 * clock, so that the same capture in any shape yields the same first/last-seen values and
 * comparing them costs one number comparison.
 */

const SECONDS_PER_DAY = 86_400
/** Every month is given 31 days: the encoding only has to sort and print back, not do arithmetic. */
const SECONDS_PER_MONTH = 31 * SECONDS_PER_DAY

/** Parse `Mmm dd hh:mm:ss` (day padded with a space or a zero) at `start`; -1 when it is not one. */
export function parseSyslogTime(buffer: Uint8Array, start: number, end: number): number {
  if (end - start < 15 || buffer[start + 3] !== 0x20 || buffer[start + 6] !== 0x20) return -1
  const month = monthNumber(buffer[start] ?? 0, buffer[start + 1] ?? 0, buffer[start + 2] ?? 0)
  if (month < 0) return -1
  const tens = buffer[start + 4] ?? 0
  const day = (tens === 0x20 ? 0 : digit(tens) * 10) + digit(buffer[start + 5] ?? 0)
  const clock = parseClock(buffer, start + 7)
  if (day < 1 || day > 31 || clock < 0) return -1
  return month * SECONDS_PER_MONTH + (day - 1) * SECONDS_PER_DAY + clock
}

/**
 * Parse an ISO 8601 timestamp (`2026-12-04T14:54:12+0000`, with optional fraction and zone, as
 * `journalctl -o short-iso` and RFC 5424 rsyslog write) at `start`. The year and zone are
 * dropped: the wall clock is what plain logs record, and keeping both kinds comparable matters
 * more than the year.
 *
 * @returns `[time, offset after the timestamp]`, or `undefined`.
 */
export function parseIsoTime(
  buffer: Uint8Array,
  start: number,
  end: number,
): [number, number] | undefined {
  if (end - start < 19 || buffer[start + 4] !== 0x2d || buffer[start + 7] !== 0x2d) return undefined
  if (buffer[start + 10] !== 0x54) return undefined
  const month = digit(buffer[start + 5] ?? 0) * 10 + digit(buffer[start + 6] ?? 0) - 1
  const day = digit(buffer[start + 8] ?? 0) * 10 + digit(buffer[start + 9] ?? 0)
  const clock = parseClock(buffer, start + 11)
  if (month < 0 || month > 11 || day < 1 || day > 31 || clock < 0) return undefined
  let offset = start + 19
  while (offset < end && buffer[offset] !== 0x20) offset++
  return [month * SECONDS_PER_MONTH + (day - 1) * SECONDS_PER_DAY + clock, offset]
}

/** Print a parsed time back as ISO 8601 without a year: `--12-04T14:54:12`. */
export function formatTime(time: number): string {
  const month = Math.floor(time / SECONDS_PER_MONTH)
  const day = Math.floor((time % SECONDS_PER_MONTH) / SECONDS_PER_DAY)
  const seconds = time % SECONDS_PER_DAY
  return `--${pad(month + 1)}-${pad(day + 1)}T${pad(Math.floor(seconds / 3600))}:${pad(
    Math.floor((seconds % 3600) / 60),
  )}:${pad(seconds % 60)}`
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

/** `hh:mm:ss` at `start` as seconds, or -1. */
function parseClock(buffer: Uint8Array, start: number): number {
  if (buffer[start + 2] !== 0x3a || buffer[start + 5] !== 0x3a) return -1
  const hours = digit(buffer[start] ?? 0) * 10 + digit(buffer[start + 1] ?? 0)
  const minutes = digit(buffer[start + 3] ?? 0) * 10 + digit(buffer[start + 4] ?? 0)
  const seconds = digit(buffer[start + 6] ?? 0) * 10 + digit(buffer[start + 7] ?? 0)
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60)
    return -1
  return hours * 3600 + minutes * 60 + seconds
}

/** The value of an ASCII digit, or a large negative number that fails every range check. */
function digit(byte: number): number {
  return byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : -1000
}

/** 0-based month of an English three-letter month name, or -1. */
function monthNumber(first: number, second: number, third: number): number {
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
