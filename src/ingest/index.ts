/**
 * `ingest()`: dnsmasq logs (plain, `log-queries=extra`, syslog, journald; files, gzip, stdin)
 * and saved graph documents in, one merged domain graph and a summary out. Each input becomes a
 * graph of its own (one run), then all are merged.
 */
import type {Root, SourceSummary} from '../graph/types.js'
import {mergeGraphs} from '../graph/merge.js'
import {parseGraph} from '../graph/document.js'
import {createRoot, observedNodes} from '../graph/tree.js'
import {readLog} from './read-log.js'
import {openInput, inputError} from './read-input.js'
import {UNPARSED_SAMPLES} from './scan-log.js'
import type {IngestSummary, UnparsedLine} from './summary.js'

export type {IngestSummary, UnparsedLine} from './summary.js'
export type {SourceSummary} from '../graph/types.js'

export interface IngestOptions {
  /** When set, only queries from these client IPs count, and each is recorded under the mapped name (an LXD instance name). Answers paired to ignored queries are ignored too. */
  clients?: ReadonlyMap<string, string> | undefined
  /** Called now and then during long reads (bytes done / total when known, lines so far). */
  onProgress?:
    ((progress: {bytes: number; totalBytes: number | undefined; lines: number}) => void) | undefined
}

export interface IngestResult {
  tree: Root
  summary: IngestSummary
}

/** Minimum time between two progress reports. */
const PROGRESS_INTERVAL_MS = 200

/**
 * Read every input and merge them into one graph.
 *
 * @param inputs Each is a dnsmasq log (plain or gzip), `-` for stdin, or a saved graph document (detected by content); all are merged into one graph.
 * @param options Client filter and progress callback.
 * @returns The graph and a summary of what was read.
 * @throws AllowlistError (`exit: 'input'`) naming the input that cannot be read or parsed.
 */
export async function ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestResult> {
  let tree = createRoot()
  let lines = 0
  let queries = 0
  let unparsed = 0
  let foreign = 0
  const unparsedSamples: UnparsedLine[] = []
  const sources: SourceSummary[] = []
  let bytesBefore = 0
  for (const file of inputs) {
    let bytes = 0
    let lastReport = 0
    const linesBefore = lines
    const input = await openInput(file, (count) => {
      bytes += count
    })
    const totalBytes = input.totalBytes
    const report = (linesSoFar: number, force = false): void => {
      if (!options.onProgress) return
      const now = Date.now()
      if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return
      lastReport = now
      options.onProgress({
        bytes: bytesBefore + bytes,
        totalBytes: totalBytes === undefined ? undefined : bytesBefore + totalBytes,
        lines: linesBefore + linesSoFar,
      })
    }
    const result = await readInput(file, input.chunks, input.gzip, options, report)
    tree = mergeGraphs(tree, result.graph)
    if (result.log) {
      const log = result.log
      lines += log.lines
      queries += log.source.queries
      unparsed += log.source.unparsed
      foreign += log.foreign
      sources.push(log.source)
      for (const sample of log.unparsedSamples) {
        if (unparsedSamples.length < UNPARSED_SAMPLES) unparsedSamples.push(sample)
      }
    } else {
      sources.push(...(result.graph.data?.sources ?? []))
    }
    report(lines - linesBefore, true)
    bytesBefore += bytes
  }
  let names = 0
  for (const node of observedNodes(tree)) {
    if (Object.keys(node.data.observation.queries).length > 0) names++
  }
  return {
    tree,
    summary: {lines, queries, names, unparsed, unparsedSamples, foreign, sources},
  }
}

/** A graph document starts with `{`; no dnsmasq log line does. */
async function readInput(
  file: string,
  chunks: AsyncIterable<Buffer>,
  gzip: boolean,
  options: IngestOptions,
  report: (lines: number) => void,
) {
  const iterator = chunks[Symbol.asyncIterator]()
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
  if (/^\s*\{/.test(head.toString('latin1', 0, Math.min(head.length, 64)))) {
    const parts: Buffer[] = []
    try {
      for await (const chunk of all()) parts.push(chunk)
    } catch (error) {
      throw inputError(file, error)
    }
    return {graph: parseGraph(Buffer.concat(parts).toString('utf8'), file), log: undefined}
  }
  const log = await readLog(file, all(), gzip, options.clients, report)
  return {graph: log.graph, log}
}
