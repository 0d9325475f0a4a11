/**
 * `allowlist capture --cleanup`: remove what killed runs left behind — labelled instances and
 * networks whose owner process is gone — and give borrowed bridges their saved `raw.dnsmasq`
 * back. Resources of a capture that is still running are left alone.
 */
import {BORROWED_KEY, OWNER_KEY, ownerIsAlive} from './labels.js'
import type {Lxd} from './lxd.js'
import {restoreNetwork} from './network.js'
import {preflight} from './preflight.js'
import {removeCaptureLog} from './log-location.js'

export interface LeftoverReport {
  deletedInstances: string[]
  deletedNetworks: string[]
  restoredNetworks: string[]
  /** Labelled resources skipped because their capture is still running. */
  inUse: string[]
}

/**
 * @param isRunning Checks a local PID (injectable for tests).
 */
export async function cleanupLeftovers(
  lxd: Lxd,
  isRunning?: (pid: number) => boolean,
): Promise<LeftoverReport> {
  await preflight(lxd)
  const report: LeftoverReport = {
    deletedInstances: [],
    deletedNetworks: [],
    restoredNetworks: [],
    inUse: [],
  }
  const abandoned = (label: string | undefined, what: string): boolean => {
    if (label === undefined) return false
    if (!ownerIsAlive(label, isRunning)) return true
    report.inUse.push(what)
    return false
  }
  for (const instance of await lxd.instances()) {
    if (!abandoned(instance.config[OWNER_KEY], `instance ${instance.name}`)) continue
    await lxd.deleteInstance(instance.name)
    report.deletedInstances.push(instance.name)
  }
  for (const network of await lxd.networks()) {
    const log = network.config['raw.dnsmasq'] ?? ''
    if (abandoned(network.config[OWNER_KEY], `network ${network.name}`)) {
      await lxd.deleteNetwork(network.name)
      await removeCaptureLog(log)
      report.deletedNetworks.push(network.name)
    } else if (abandoned(network.config[BORROWED_KEY], `network ${network.name}`)) {
      await restoreNetwork(lxd, network.name)
      await removeCaptureLog(log)
      report.restoredNetworks.push(network.name)
    }
  }
  return report
}

/**
 * The report as lines for people, one per resource, in the order the cleanup handled them.
 *
 * @param report From `cleanupLeftovers`.
 * @returns The lines (none when nothing was left behind).
 */
export function formatLeftoverReport(report: LeftoverReport): string[] {
  return [
    ...report.deletedInstances.map((name) => `deleted instance ${name}`),
    ...report.deletedNetworks.map((name) => `deleted network ${name}`),
    ...report.restoredNetworks.map((name) => `restored raw.dnsmasq of network ${name}`),
    ...report.inUse.map((what) => `left ${what}: its capture is still running`),
  ]
}
