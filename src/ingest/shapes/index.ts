/**
 * Pick the parser for a line's shape from its first byte: a digit starts an ISO timestamp
 * (journald), a letter a syslog-style timestamp (dnsmasq's own file, or rsyslog with a host).
 */
import {parseJournaldLine} from './journald.js'
import {parseLogFacilityLine} from './log-facility.js'
import {TAG_UNKNOWN, type LinePrefix, type TagKind} from './prefix.js'
import {parseSyslogLine} from './syslog.js'
import {parseSyslogTime} from './timestamp.js'

export * from './prefix.js'
export {parseExtraFields, type ExtraFields} from './extra.js'
export {formatTime} from './timestamp.js'

/**
 * Parse everything before dnsmasq's message.
 *
 * @returns Whose line it is; `prefix` is filled in only for TAG_DNSMASQ.
 */
export function parseLinePrefix(
  buffer: Uint8Array,
  start: number,
  end: number,
  prefix: LinePrefix,
): TagKind {
  const first = buffer[start] ?? 0
  if (first >= 0x30 && first <= 0x39) return parseJournaldLine(buffer, start, end, prefix)
  const time = parseSyslogTime(buffer, start, end)
  if (time < 0) return TAG_UNKNOWN
  const kind = parseLogFacilityLine(buffer, start, end, prefix, time)
  return kind === TAG_UNKNOWN ? parseSyslogLine(buffer, start, end, prefix, time) : kind
}
