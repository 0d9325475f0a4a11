/**
 * What every line-shape parser reports about the part of a line before dnsmasq's own message:
 * when it was logged, which process logged it and where the message starts. One mutable object
 * is reused for every line, because allocating one per line shows up in the ingest profile.
 */

/** The line was written by dnsmasq's DNS side: its message starts at `message`. */
export const TAG_DNSMASQ = 0
/** Written by dnsmasq's DHCP/TFTP/script side (`dnsmasq-dhcp[PID]:`): known, not about DNS. */
export const TAG_DNSMASQ_OTHER = 1
/** Written by another program (syslog and journald files mix many). */
export const TAG_FOREIGN = 2
/** Not a log line of any known shape. */
export const TAG_UNKNOWN = 3

export type TagKind =
  typeof TAG_DNSMASQ | typeof TAG_DNSMASQ_OTHER | typeof TAG_FOREIGN | typeof TAG_UNKNOWN

export const SHAPE_PLAIN = 0
export const SHAPE_SYSLOG = 1
export const SHAPE_JOURNALD = 2

export interface LinePrefix {
  /** Seconds since 1 January 00:00:00 of the log's (unknown) year, local wall clock. */
  time: number
  /** The logging process: TCP queries come from forked children with their own PID. */
  pid: number
  /** Byte offset where the message after `dnsmasq[PID]: ` starts. */
  message: number
  /** Which parser matched: SHAPE_PLAIN, SHAPE_SYSLOG or SHAPE_JOURNALD. */
  shape: number
}

export function createLinePrefix(): LinePrefix {
  return {time: 0, pid: 0, message: 0, shape: SHAPE_PLAIN}
}
