/**
 * `log-queries=extra` puts `SERIAL CLIENT/PORT ` between the tag and the message
 * (`dnsmasq[16790]: 7 10.148.12.32/51122 reply …`). The serial ties every line of one query
 * together, which is what makes pairing exact in this mode.
 */

export interface ExtraFields {
  /** The query serial, or -1 when the line has none (plain `log-queries`). */
  serial: number
  /** Offset of the message after the extra fields (unchanged when there are none). */
  message: number
}

/**
 * Read the extra fields at `start`, if any.
 *
 * @param fields Reused result object.
 * @returns `false` when the line starts like extra fields but is malformed.
 */
export function parseExtraFields(
  buffer: Uint8Array,
  start: number,
  end: number,
  fields: ExtraFields,
): boolean {
  fields.serial = -1
  fields.message = start
  let offset = start
  let serial = 0
  while (offset < end && (buffer[offset] ?? 0) >= 0x30 && (buffer[offset] ?? 0) <= 0x39) {
    serial = serial * 10 + (buffer[offset] ?? 0) - 0x30
    offset++
  }
  if (offset === start) return true
  if (buffer[offset] !== 0x20) return false
  offset++
  const client = offset
  let slash = -1
  while (offset < end && buffer[offset] !== 0x20) {
    if (buffer[offset] === 0x2f) slash = offset
    offset++
  }
  if (slash <= client || offset >= end) return false
  fields.serial = serial
  fields.message = offset + 1
  return true
}
