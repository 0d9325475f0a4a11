/**
 * Reading the inputs of one ingest: each a saved graph document or a dnsmasq log (plain or
 * gzip, a file or stdin; a large uncompressed file by several threads), one after another,
 * with progress and the summary's counts. What becomes of each is the caller's: `ingest`
 * merges graphs, `ingestDocument` may write a single log's document straight from its scan.
 */
import {availableParallelism} from 'node:os'
import type {Root} from '../graph/types.js'
import {inputError, openInput, peekInput, startsLikeDocument} from './read-input.js'
import type {PackedState} from './packed-state.js'
import {readLog, type LogScan} from './read-log.js'
import {PARALLEL_MIN_BYTES} from './read-ahead.js'
import {canReadInParallel, readLogInParallel} from './read-parallel.js'
import {UNPARSED_SAMPLES} from './scan-log.js'
import type {IngestSummary} from './summary.js'

export interface IngestOptions {
  /** When set, only queries from these client IPs count, and each is recorded under the mapped name (an LXD instance name). Answers paired to ignored queries are ignored too. */
  clients?: ReadonlyMap<string, string> | undefined
  /** Called now and then during long reads (bytes done / total when known, lines so far). */
  onProgress?:
    ((progress: {bytes: number; totalBytes: number | undefined; lines: number}) => void) | undefined
  /** Threads for one large uncompressed file; default: the available cores, at most 2. */
  workers?: number | undefined
  /** Files smaller than this many bytes are read on the calling thread (default 32 MiB). */
  parallelMinBytes?: number | undefined
}

/** One input, read: a saved graph, or a scanned log. */
export type InputRead = {graph: Root; log?: undefined} | {graph?: undefined; log: LogScan}

/** Minimum time between two progress reports. */
const PROGRESS_INTERVAL_MS = 200

/**
 * Read every input in order.
 *
 * @param inputs Logs (plain or gzip), `-` for stdin, or saved graph documents (detected by content).
 * @param options Client filter, progress callback, threads.
 * @param onRead Called with each input as soon as it is read.
 * @param onSlice Called with each slice of a log read by several threads as it arrives.
 * @returns The summary of what was read; `names` is left for the caller to count.
 * @throws AllowlistError (`exit: 'input'`) naming the input that cannot be read or parsed.
 */
export async function readInputs(
  inputs: string[],
  options: IngestOptions,
  onRead: (read: InputRead) => void,
  onSlice?: (index: number, state: PackedState) => void,
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    lines: 0,
    queries: 0,
    names: 0,
    unparsed: 0,
    unparsedSamples: [],
    foreign: 0,
    sources: [],
  }
  let bytesBefore = 0
  for (const file of inputs) {
    const linesBefore = summary.lines
    let lastReport = 0
    const report = (bytes: number, totalBytes: number | undefined, lines: number): void => {
      const now = Date.now()
      if (!options.onProgress || now - lastReport < PROGRESS_INTERVAL_MS) return
      lastReport = now
      options.onProgress({
        bytes: bytesBefore + bytes,
        totalBytes: totalBytes === undefined ? undefined : bytesBefore + totalBytes,
        lines: linesBefore + lines,
      })
    }
    const {read, bytes, totalBytes} = await readOne(file, options, report, onSlice)
    if (read.log) addLog(summary, read.log)
    else summary.sources.push(...(read.graph.data?.sources ?? []))
    onRead(read)
    lastReport = 0
    report(bytes, totalBytes, summary.lines - linesBefore)
    bytesBefore += bytes
  }
  return summary
}

type Report = (bytes: number, totalBytes: number | undefined, lines: number) => void

/** One input: a graph document, a log read in parallel, or a log streamed on this thread. */
async function readOne(
  file: string,
  options: IngestOptions,
  report: Report,
  onSlice: ((index: number, state: PackedState) => void) | undefined,
): Promise<{read: InputRead; bytes: number; totalBytes: number | undefined}> {
  const workers = options.workers ?? Math.min(2, availableParallelism())
  if (file !== '-' && workers > 1 && canReadInParallel()) {
    const peek = peekInput(file)
    if (
      peek.regularFile &&
      !peek.gzip &&
      !peek.document &&
      peek.size >= (options.parallelMinBytes ?? PARALLEL_MIN_BYTES)
    ) {
      const log = await readLogInParallel(
        file,
        peek.size,
        workers,
        options.clients,
        (bytes, lines) => report(bytes, peek.size, lines),
        onSlice,
      )
      return {read: {log}, bytes: peek.size, totalBytes: peek.size}
    }
  }
  let bytes = 0
  const input = await openInput(file, (count) => {
    bytes += count
  })
  const iterator = input.chunks[Symbol.asyncIterator]()
  const first = await iterator.next()
  const head = first.done ? Buffer.alloc(0) : first.value
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      yield next.value
    }
  }
  if (startsLikeDocument(head)) {
    const parts: Buffer[] = []
    try {
      for await (const chunk of all()) parts.push(chunk)
    } catch (error) {
      throw inputError(file, error)
    }
    // Loaded here, not at start-up: its schema validator costs every log-only run ~0.1 s.
    const {parseGraph} = await import('../graph/load-document.js')
    const graph = parseGraph(Buffer.concat(parts).toString('utf8'), file)
    return {read: {graph}, bytes, totalBytes: input.totalBytes}
  }
  const log = await readLog(file, all(), input.gzip, options.clients, (lines) =>
    report(bytes, input.totalBytes, lines),
  )
  return {read: {log}, bytes, totalBytes: input.totalBytes}
}

function addLog(summary: IngestSummary, log: LogScan): void {
  summary.lines += log.counts.lines
  summary.queries += log.source.queries
  summary.unparsed += log.counts.unparsed
  summary.foreign += log.counts.foreign
  summary.sources.push(log.source)
  for (const sample of log.counts.unparsedSamples) {
    if (summary.unparsedSamples.length < UNPARSED_SAMPLES) summary.unparsedSamples.push(sample)
  }
}
