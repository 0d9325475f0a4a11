/**
 * `verify`: rerun the command with the allow-list enforced by the bridge's own dnsmasq (allowed
 * names forwarded, every other name refused) and report each refused name. No refusal means the
 * list is complete for this job.
 */
import {AllowlistError} from '../errors.js'
import {allowOnlyLines} from './allow-only.js'
import {hostResolvers} from './host-resolvers.js'
import type {Lxd} from './lxd.js'
import {verifyRawDnsmasq} from './raw-dnsmasq.js'
import {readList} from './read-list.js'
import {findRefusals, type Refusal} from './refusals.js'
import {runSession, type SessionOptions} from './session.js'

export interface VerifyOptions extends Omit<SessionOptions, 'rawDnsmasq'> {
  /** The list file (plain, Squid dstdomain or json). */
  list: string
  /** Where allowed names are forwarded; the host's resolvers when empty. */
  upstreams: readonly string[]
}

export interface VerifyResult {
  list: string
  /** How many entries the list has. */
  entries: number
  network: string
  runs: number
  /** Refused names over all runs, sorted by name and type. */
  refusals: Refusal[]
  /** The command's first non-zero exit code, else 0. */
  commandExitCode: number
}

/**
 * @throws AllowlistError `input` for an unreadable list, `usage` when no upstream is known, and
 *   whatever the session throws.
 */
export async function verifyList(lxd: Lxd, options: VerifyOptions): Promise<VerifyResult> {
  const entries = await readList(options.list)
  const upstreams = options.upstreams.length > 0 ? options.upstreams : await hostResolvers()
  if (upstreams.length === 0) {
    throw new AllowlistError('No upstream DNS server found in `/etc/resolv.conf`, expected one', {
      exit: 'usage',
      suggestions: ['Pass `--upstream ADDRESS[#PORT]`'],
    })
  }
  const enforcing = await allowOnlyLines(entries, upstreams, options.list)
  const session = await runSession(lxd, {
    ...options,
    rawDnsmasq: (original, logging) => verifyRawDnsmasq(original, enforcing, logging),
  })
  return {
    list: options.list,
    entries: entries.length,
    network: session.network,
    runs: session.runs.length,
    refusals: findRefusals(session.runs.map((run) => run.log).join('\n'), session.dnsDomain),
    commandExitCode: session.exitCode,
  }
}
