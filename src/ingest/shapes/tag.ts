/**
 * The syslog program tag (`dnsmasq[16568]: `) that says who wrote a line. Only dnsmasq's own
 * tag counts: `sshd[77]: … query[A] x.com …` or `app[9]: dnsmasq[1]: reply …` merely contain
 * dnsmasq-looking text and must never reach the graph.
 */
import {
  TAG_DNSMASQ,
  TAG_DNSMASQ_OTHER,
  TAG_FOREIGN,
  TAG_UNKNOWN,
  type LinePrefix,
  type TagKind,
} from './prefix.js'

const DNSMASQ = [0x64, 0x6e, 0x73, 0x6d, 0x61, 0x73, 0x71] // "dnsmasq"

/**
 * Read the tag at `start`, setting `prefix.pid` and `prefix.message` for dnsmasq's DNS lines.
 *
 * @returns Whose line it is; TAG_UNKNOWN when `start` holds no `program[pid]:`/`program:` tag.
 */
export function parseTag(
  buffer: Uint8Array,
  start: number,
  end: number,
  prefix: LinePrefix,
): TagKind {
  const named = startsWithDnsmasq(buffer, start, end)
  // Nearly every line is dnsmasq's own: when the tag starts `dnsmasq[`, skip the search.
  let offset = named && buffer[start + DNSMASQ.length] === 0x5b ? start + DNSMASQ.length : start
  while (offset < end) {
    const byte = buffer[offset]
    if (byte === 0x5b || byte === 0x3a || byte === 0x20) break
    offset++
  }
  if (offset === start || offset >= end || buffer[offset] === 0x20) return TAG_UNKNOWN
  const programEnd = offset
  let pid = 0
  if (buffer[offset] === 0x5b) {
    offset++
    const digits = offset
    while (offset < end && (buffer[offset] ?? 0) >= 0x30 && (buffer[offset] ?? 0) <= 0x39) {
      pid = pid * 10 + (buffer[offset] ?? 0) - 0x30
      offset++
    }
    if (offset === digits || buffer[offset] !== 0x5d) return TAG_UNKNOWN
    offset++
  }
  if (buffer[offset] !== 0x3a || buffer[offset + 1] !== 0x20) return TAG_UNKNOWN
  if (!named || programEnd - start < DNSMASQ.length) return TAG_FOREIGN
  if (programEnd - start !== DNSMASQ.length) {
    // dnsmasq-dhcp, dnsmasq-tftp, dnsmasq-script: dnsmasq's other facilities.
    return buffer[start + DNSMASQ.length] === 0x2d ? TAG_DNSMASQ_OTHER : TAG_FOREIGN
  }
  prefix.pid = pid
  prefix.message = offset + 2
  return TAG_DNSMASQ
}

function startsWithDnsmasq(buffer: Uint8Array, start: number, end: number): boolean {
  if (end - start < DNSMASQ.length) return false
  for (let index = 0; index < DNSMASQ.length; index++) {
    if (buffer[start + index] !== DNSMASQ[index]) return false
  }
  return true
}
