/**
 * The labels capture puts on what it creates or borrows, so a later `allowlist capture
 * --cleanup` can find the leftovers of a run that was killed before it could clean up, and can
 * tell them from those of a capture that is still running.
 */
import {hostname} from 'node:os'

/** On instances and created networks: who created it, as `PID@HOST`. */
export const OWNER_KEY = 'user.allowlist.owner'
/** On a borrowed network (`--network`): who changed its `raw.dnsmasq`, as `PID@HOST`. */
export const BORROWED_KEY = 'user.allowlist.borrowed-by'
/**
 * On a borrowed network: its `raw.dnsmasq` before we changed it. Absent when it had none (LXD
 * drops empty values, so an empty original and a missing one restore the same way).
 */
export const SAVED_RAW_DNSMASQ_KEY = 'user.allowlist.saved-raw-dnsmasq'
/** Description of networks capture creates. */
export const NETWORK_DESCRIPTION =
  'allowlist capture (temporary; removed by `allowlist capture --cleanup`)'
/** Prefix of every network and instance name capture creates. */
export const NAME_PREFIX = 'allowlist-'

/** This process as an owner label. */
export function ownerLabel(pid: number = process.pid): string {
  return `${pid}@${hostname()}`
}

/**
 * Whether the owner of a label is still running, so its resources must be left alone. Owners on
 * another host are treated as alive: their process cannot be checked from here.
 *
 * @param label A `PID@HOST` label.
 * @param isRunning Checks a local PID (injectable for tests).
 */
export function ownerIsAlive(
  label: string,
  isRunning: (pid: number) => boolean = processIsRunning,
): boolean {
  const match = /^(\d+)@(.*)$/.exec(label)
  if (!match) return false
  if (match[2] !== hostname()) return true
  const pid = Number(match[1])
  return pid === process.pid || isRunning(pid)
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
