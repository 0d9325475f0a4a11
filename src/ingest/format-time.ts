/**
 * Printing log timestamps. The scanner turns them into numbers: plain and syslog lines carry no
 * year (`Dec  4 14:54:12`) and journald's carries one; both become seconds since the start of
 * a year on the log's wall clock, every month given 31 days, so that the same capture in any
 * shape yields the same first/last-seen values and comparing them costs one number comparison.
 */

const SECONDS_PER_DAY = 86_400
const SECONDS_PER_MONTH = 31 * SECONDS_PER_DAY

/** Print a scanned time back as ISO 8601 without a year: `--12-04T14:54:12`. */
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
