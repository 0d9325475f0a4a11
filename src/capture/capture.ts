/**
 * `capture`: run the command in fresh instances on a bridge whose dnsmasq logs every query
 * (forwarding to `upstreams` when given, else wherever the bridge forwards), then ingest each
 * run's slice of the log with the instance's addresses as the client filter, so every query is
 * recorded under the instance name and nothing another client asked gets in. Each run is one
 * input of `ingest`, so the merged graph counts in how many runs each name appeared.
 */
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {compileTree, type CompileOptions, type CompileResult} from '../compile-tree.js'
import {outputError} from '../fs/output-error.js'
import {observedNodes} from '../graph/tree.js'
import type {Root} from '../graph/types.js'
import {ingest, type IngestSummary} from '../ingest/index.js'
import type {Lxd} from './lxd.js'
import {captureRawDnsmasq} from './raw-dnsmasq.js'
import {runSession, type RunRecord, type SessionOptions, type SessionResult} from './session.js'

export interface CaptureOptions extends Omit<SessionOptions, 'rawDnsmasq'> {
  /** `address#port` servers the bridge forwards to instead of its default (empty: default). */
  upstreams: readonly string[]
}

export interface CaptureResult {
  /** The merged graph of all runs; clients are instance names. */
  tree: Root
  summary: IngestSummary
  session: SessionResult
  /** The per-run logs kept under `logDirectory`, when one was given. */
  logs: string[]
  /** The policy and rendered formats, when `compile` was asked for. */
  compiled?: CompileResult
}

export interface CaptureGraphOptions {
  /**
   * Keep each run's log there as `INSTANCE.log` (the graph's places point at them); otherwise
   * they go to a temporary directory that is removed.
   */
  logDirectory?: string | undefined
  /** Apply the policy and render formats straight away, as `compile` would from the graph. */
  compile?: CompileOptions | undefined
}

/**
 * @returns The session: one log slice per run, the command's exit code, what was cleaned up.
 */
export async function captureRuns(lxd: Lxd, options: CaptureOptions): Promise<SessionResult> {
  return runSession(lxd, {
    ...options,
    rawDnsmasq: (original, logging) =>
      captureRawDnsmasq(original, {...logging, upstreams: options.upstreams}),
  })
}

/**
 * Capture, build the graph, and optionally compile it.
 *
 * @param options The session.
 * @param outputs Where run logs go; whether and how to compile.
 * @returns The graph (with policy decisions when compiled), the ingest summary, the session.
 */
export async function captureGraph(
  lxd: Lxd,
  options: CaptureOptions,
  outputs: CaptureGraphOptions = {},
): Promise<CaptureResult> {
  const {logDirectory} = outputs
  const session = await captureRuns(lxd, options)
  const directory = logDirectory ?? (await mkdtemp(join(tmpdir(), 'allowlist-runs-')))
  try {
    const logs = await writeRunLogs(session.runs, directory)
    const {tree, summary} = await ingest(logs, {clients: clientNames(session.runs)})
    const kept = logDirectory === undefined ? [] : logs
    // Temporary paths would outlive their files in the graph, the report and list headers:
    // without a log directory, sources are named after their instance instead.
    const inputs =
      logDirectory === undefined ? session.runs.map((run) => `lxd:${run.instance}`) : logs
    if (logDirectory === undefined) {
      renameSources(tree, summary, new Map(logs.map((log, index) => [log, inputs[index] ?? log])))
    }
    if (outputs.compile === undefined) return {tree, summary, session, logs: kept}
    const compiled = await compileTree(tree, inputs, outputs.compile)
    return {tree, summary, session, logs: kept, compiled}
  } finally {
    if (logDirectory === undefined) await rm(directory, {recursive: true, force: true})
  }
}

/** Every address of every run's instance, mapped to the instance name. */
export function clientNames(runs: readonly RunRecord[]): Map<string, string> {
  const clients = new Map<string, string>()
  for (const run of runs) {
    for (const address of [...run.addresses.v4, ...run.addresses.v6])
      clients.set(address, run.instance)
  }
  return clients
}

/** Replace source file names in the graph's places and source summaries (and the summary's). */
function renameSources(
  tree: Root,
  summary: IngestSummary,
  names: ReadonlyMap<string, string>,
): void {
  const rename = (file: string): string => names.get(file) ?? file
  for (const node of observedNodes(tree)) {
    for (const place of node.data.observation.places) place.file = rename(place.file)
  }
  for (const source of tree.data?.sources ?? []) source.file = rename(source.file)
  for (const source of summary.sources) source.file = rename(source.file)
  for (const sample of summary.unparsedSamples) sample.file = rename(sample.file)
}

async function writeRunLogs(runs: readonly RunRecord[], directory: string): Promise<string[]> {
  try {
    await mkdir(directory, {recursive: true})
    const paths: string[] = []
    for (const run of runs) {
      const path = join(directory, `${run.instance}.log`)
      await writeFile(path, run.log)
      paths.push(path)
    }
    return paths
  } catch (error) {
    throw outputError(directory, error, `the run logs to \`${directory}\``)
  }
}
