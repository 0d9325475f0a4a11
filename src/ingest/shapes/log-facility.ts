/**
 * dnsmasq's own log file (`log-facility=/path`): `Dec  4 15:38:47 dnsmasq[16568]: …`, the
 * timestamp followed directly by the tag, no host.
 */
import {SHAPE_PLAIN, TAG_DNSMASQ, TAG_UNKNOWN, type LinePrefix, type TagKind} from './prefix.js'
import {parseTag} from './tag.js'

/**
 * @param time The timestamp already parsed at `start` (the syslog shape shares it), or -1.
 * @returns Whose line it is, or TAG_UNKNOWN when the line is not in this shape.
 */
export function parseLogFacilityLine(
  buffer: Uint8Array,
  start: number,
  end: number,
  prefix: LinePrefix,
  time: number,
): TagKind {
  if (time < 0 || buffer[start + 15] !== 0x20) return TAG_UNKNOWN
  // A host name in this position has no `[pid]:` and yields TAG_UNKNOWN: the syslog shape.
  const kind = parseTag(buffer, start + 16, end, prefix)
  if (kind === TAG_DNSMASQ) {
    prefix.time = time
    prefix.shape = SHAPE_PLAIN
  }
  return kind
}
