/**
 * rsyslog's traditional format: `Dec  4 15:38:47 HOST dnsmasq[16568]: …`, a host name between
 * the timestamp and the tag.
 */
import {SHAPE_SYSLOG, TAG_DNSMASQ, TAG_UNKNOWN, type LinePrefix, type TagKind} from './prefix.js'
import {parseTag} from './tag.js'

/**
 * @param time The timestamp already parsed at `start`, or -1.
 * @returns Whose line it is, or TAG_UNKNOWN when the line is not in this shape.
 */
export function parseSyslogLine(
  buffer: Uint8Array,
  start: number,
  end: number,
  prefix: LinePrefix,
  time: number,
): TagKind {
  if (time < 0 || buffer[start + 15] !== 0x20) return TAG_UNKNOWN
  const tag = skipHost(buffer, start + 16, end)
  if (tag < 0) return TAG_UNKNOWN
  const kind = parseTag(buffer, tag, end, prefix)
  if (kind === TAG_DNSMASQ) {
    prefix.time = time
    prefix.shape = SHAPE_SYSLOG
  }
  return kind
}

/** The offset after `HOST ` at `start`, or -1 when there is no host followed by a space. */
export function skipHost(buffer: Uint8Array, start: number, end: number): number {
  let offset = start
  while (offset < end && buffer[offset] !== 0x20) offset++
  return offset === start || offset >= end ? -1 : offset + 1
}
