/**
 * `journalctl -o short-iso` (and RFC 3339 rsyslog) lines:
 * `2026-12-04T14:54:12+0000 HOST dnsmasq[16568]: …`.
 */
import {SHAPE_JOURNALD, TAG_DNSMASQ, TAG_UNKNOWN, type LinePrefix, type TagKind} from './prefix.js'
import {skipHost} from './syslog.js'
import {parseTag} from './tag.js'
import {parseIsoTime} from './timestamp.js'

/** @returns Whose line it is, or TAG_UNKNOWN when the line is not in this shape. */
export function parseJournaldLine(
  buffer: Uint8Array,
  start: number,
  end: number,
  prefix: LinePrefix,
): TagKind {
  const parsed = parseIsoTime(buffer, start, end)
  if (parsed === undefined || buffer[parsed[1]] !== 0x20) return TAG_UNKNOWN
  const tag = skipHost(buffer, parsed[1] + 1, end)
  if (tag < 0) return TAG_UNKNOWN
  const kind = parseTag(buffer, tag, end, prefix)
  if (kind === TAG_DNSMASQ) {
    prefix.time = parsed[0]
    prefix.shape = SHAPE_JOURNALD
  }
  return kind
}
