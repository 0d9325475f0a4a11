/**
 * `ingest()`: dnsmasq logs (plain, `log-queries=extra`, syslog, journald; files, gzip, stdin)
 * and saved graph documents in, one merged domain graph and a summary out. Each input becomes a
 * graph of its own (one run), then all are merged. Large regular files are read by several
 * threads (read-parallel.ts).
 */
import {availableParallelism} from 'node:os'
import {mergeGraphs} from '../graph/merge.js'
import {createRoot, observedNodes} from '../graph/tree.js'
import type {Root} from '../graph/types.js'
import {inputError, openInput, peekInput, startsLikeDocument} from './read-input.js'
import {readLog, type LogResult} from './read-log.js'
import {canReadInParallel, readLogInParallel} from './read-parallel.js'
import {UNPARSED_SAMPLES} from './scan-log.js'
import type {IngestSummary} from './summary.js'

export type {IngestSummary, UnparsedLine} from './summary.js'
export type {SourceSummary} from '../graph/types.js'

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

export interface IngestResult {
  tree: Root
  summary: IngestSummary
}

/** Minimum time between two progress reports. */
const PROGRESS_INTERVAL_MS = 200
const PARALLEL_MIN_BYTES = 32 * 1_048_576

/**
 * Read every input and merge them into one graph.
 *
 * @param inputs Each is a dnsmasq log (plain or gzip), `-` for stdin, or a saved graph document (detected by content); all are merged into one graph.
 * @param options Client filter, progress callback, threads.
 * @returns The graph and a summary of what was read.
 * @throws AllowlistError (`exit: 'input'`) naming the input that cannot be read or parsed.
 */
export async function ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestResult> {
  let tree: Root | undefined
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
    const {graph, log, bytes, totalBytes} = await readOne(file, options, report)
    tree = tree ? mergeGraphs(tree, graph) : graph
    if (log) addLog(summary, log)
    else summary.sources.push(...(graph.data?.sources ?? []))
    lastReport = 0
    report(bytes, totalBytes, summary.lines - linesBefore)
    bytesBefore += bytes
  }
  tree ??= createRoot()
  for (const node of observedNodes(tree)) {
    if (Object.keys(node.data.observation.queries).length > 0) summary.names++
  }
  return {tree, summary}
}

type Report = (bytes: number, totalBytes: number | undefined, lines: number) => void

/** One input: a graph document, a log read in parallel, or a log streamed on this thread. */
async function readOne(
  file: string,
  options: IngestOptions,
  report: Report,
): Promise<{
  graph: Root
  log: LogResult | undefined
  bytes: number
  totalBytes: number | undefined
}> {
  const workers = options.workers ?? Math.min(2, availableParallelism())
  if (file !== '-' && workers > 1 && canReadInParallel()) {
    const peek = await peekInput(file)
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
      )
      return {graph: log.graph, log, bytes: peek.size, totalBytes: peek.size}
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
    return {graph, log: undefined, bytes, totalBytes: input.totalBytes}
  }
  const log = await readLog(file, all(), input.gzip, options.clients, (lines) =>
    report(bytes, input.totalBytes, lines),
  )
  return {graph: log.graph, log, bytes, totalBytes: input.totalBytes}
}

function addLog(summary: IngestSummary, log: LogResult): void {
  summary.lines += log.counts.lines
  summary.queries += log.source.queries
  summary.unparsed += log.counts.unparsed
  summary.foreign += log.counts.foreign
  summary.sources.push(log.source)
  for (const sample of log.counts.unparsedSamples) {
    if (summary.unparsedSamples.length < UNPARSED_SAMPLES) summary.unparsedSamples.push(sample)
  }
}
