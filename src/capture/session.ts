/**
 * A capture session: preflight, one bridge (created or borrowed) whose dnsmasq logs queries,
 * then for each run a fresh instance that runs the command, and the run's slice of the log.
 * Capture turns the slices into a graph; verify reads refusals from them. Everything it changes
 * is undone on success, failure and SIGINT/SIGTERM, unless `keep` is set.
 */
import {randomBytes} from 'node:crypto'
import type {Writable} from 'node:stream'
import {AllowlistError} from '../errors.js'
import {Cleanup, Interrupted, withInterruptHandling, type CleanupReport} from './cleanup.js'
import {NAME_PREFIX} from './labels.js'
import {launchInstance, runInInstance, type PushedFile} from './instance.js'
import {prepareLogFile, waitForLog, type Packaging} from './log-location.js'
import {keepClients, logSize, readFrom} from './log-slice.js'
import type {InstanceAddresses, Lxd} from './lxd.js'
import {prepareNetwork} from './network.js'
import {preflight} from './preflight.js'
import type {LoggingOptions} from './raw-dnsmasq.js'

export interface SessionOptions {
  /** Image reference for `lxc launch`. */
  image: string
  vm: boolean
  /** Borrow this bridge instead of creating one. */
  network?: string | undefined
  /** New bridges: NAT to the outside; off means the instance reaches the bridge only. */
  nat: boolean
  /** The bridge's `raw.dnsmasq` for this session, from the original value and the log options. */
  rawDnsmasq: (original: string, logging: LoggingOptions) => string
  command: readonly string[]
  runs: number
  user?: string | undefined
  env: Record<string, string>
  cwd?: string | undefined
  push: readonly PushedFile[]
  /** Leave the instance(s), network and raw.dnsmasq in place for debugging. */
  keep: boolean
  readyTimeoutMs: number
  /** Where the command's output goes. */
  stdout: Writable
  stderr: Writable
  /** Progress lines (to stderr in the CLI). */
  progress?: ((message: string) => void) | undefined
  /** Snap or native LXD (detected when absent). */
  packaging?: Packaging | undefined
}

/** One run of the command. */
export interface RunRecord {
  /** 1-based. */
  run: number
  instance: string
  addresses: InstanceAddresses
  exitCode: number
  /** The run's slice of the query log, other clients' lines removed. */
  log: string
}

export interface SessionResult {
  network: string
  /** The bridge's DNS domain (`dns.domain`), whose names dnsmasq answers itself. */
  dnsDomain: string
  runs: RunRecord[]
  /** The first non-zero exit code of the command, else 0. */
  exitCode: number
  /** What was undone (empty under `keep`). */
  cleanup: CleanupReport
  /** What `keep` left in place. */
  kept: string[]
}

/**
 * Run a session.
 *
 * @throws AllowlistError `environment` (LXD unusable), `interrupted` (SIGINT/SIGTERM, after
 *   cleaning up), or the error that stopped it, after cleaning up.
 */
export async function runSession(lxd: Lxd, options: SessionOptions): Promise<SessionResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1) {
    throw new AllowlistError(`Unexpected \`--runs ${options.runs}\`, expected a whole number ≥ 1`, {
      exit: 'usage',
    })
  }
  await preflight(lxd)
  const controller = new AbortController()
  const progress = options.progress ?? (() => {})
  return withInterruptHandling(controller, async () => {
    const cleanup = new Cleanup()
    const runs: RunRecord[] = []
    let bridge: Bridge = {network: '', dnsDomain: 'lxd', logFile: ''}
    let failure: unknown
    try {
      bridge = await prepareBridge(lxd, options, cleanup, controller.signal)
      const session = randomBytes(3).toString('hex')
      for (let run = 1; run <= options.runs; run++) {
        const instance = `${NAME_PREFIX}${session}-${run}`
        const context = {bridge, cleanup, signal: controller.signal}
        runs.push(await captureRun(lxd, options, context, run, instance))
      }
    } catch (error) {
      failure = controller.signal.aborted ? controller.signal.reason : error
    }
    const kept = options.keep ? cleanup.discard() : []
    const report: CleanupReport = options.keep ? {done: [], failed: []} : await cleanup.run()
    for (const step of kept) progress(`Kept (--keep): ${step}`)
    for (const {step, reason} of report.failed)
      progress(`Could not undo: ${step}: ${reason} (retry with \`allowlist capture --cleanup\`)`)
    if (failure instanceof Interrupted) {
      const outcome = options.keep ? 'kept everything (--keep)' : 'cleaned up'
      throw new AllowlistError(`${failure.message}; ${outcome}`, {exit: 'interrupted'})
    }
    if (failure !== undefined) throw failure
    const exitCode = runs.find((record) => record.exitCode !== 0)?.exitCode ?? 0
    const {network, dnsDomain} = bridge
    return {network, dnsDomain, runs, exitCode, cleanup: report, kept}
  })
}

/** The bridge of a session and where its dnsmasq log can be read. */
interface Bridge {
  network: string
  dnsDomain: string
  /** The log as this process reads it. */
  logFile: string
}

/** Prepare the log file and the bridge, and wait until its dnsmasq writes the log. */
async function prepareBridge(
  lxd: Lxd,
  options: SessionOptions,
  cleanup: Cleanup,
  signal: AbortSignal,
): Promise<Bridge> {
  const log = await prepareLogFile(options.packaging)
  cleanup.add(`log ${log.readable}`, log.remove)
  const logging: LoggingOptions = {logFile: log.configured, extra: true}
  const prepared = await prepareNetwork(
    lxd,
    {
      borrow: options.network,
      nat: options.nat,
      rawDnsmasq: (original) => options.rawDnsmasq(original, logging),
    },
    cleanup,
  )
  options.progress?.(
    `${prepared.created ? 'Created' : 'Using'} network ${prepared.name}; dnsmasq logs to ${log.readable}`,
  )
  await waitForLog(log, 15_000, signal)
  const dnsDomain = (await lxd.network(prepared.name)).config['dns.domain'] ?? 'lxd'
  return {network: prepared.name, dnsDomain, logFile: log.readable}
}

/**
 * One run: a fresh instance, the command, and the log written meanwhile by the instance's own
 * addresses. The log offset is taken once the instance is ready, so boot-time lookups and the
 * readiness probe stay out.
 */
async function captureRun(
  lxd: Lxd,
  options: SessionOptions,
  context: {bridge: Bridge; cleanup: Cleanup; signal: AbortSignal},
  run: number,
  instance: string,
): Promise<RunRecord> {
  const {bridge, cleanup, signal} = context
  const label = `Run ${run}/${options.runs}`
  options.progress?.(`${label}: launching ${instance} from ${options.image}`)
  const addresses = await launchInstance(
    lxd,
    instance,
    {
      image: options.image,
      vm: options.vm,
      network: bridge.network,
      dnsDomain: bridge.dnsDomain,
      readyTimeoutMs: options.readyTimeoutMs,
      signal,
    },
    cleanup,
  )
  const offset = await logSize(bridge.logFile)
  options.progress?.(
    `${label}: ${instance} (${addresses.v4.join(', ')}) runs: ${options.command.join(' ')}`,
  )
  const exitCode = await runInInstance(lxd, instance, options.command, {
    user: options.user,
    env: options.env,
    cwd: options.cwd,
    push: options.push,
    stdout: options.stdout,
    stderr: options.stderr,
    signal,
  })
  signal.throwIfAborted()
  const clients = new Set([...addresses.v4, ...addresses.v6])
  const log = keepClients(await readFrom(bridge.logFile, offset), clients)
  if (!options.keep) await lxd.deleteInstance(instance)
  return {run, instance, addresses, exitCode, log}
}
