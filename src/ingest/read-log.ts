/**
 * One dnsmasq log, start to end, into a graph of its own plus the counts its source summary
 * and the ingest summary need.
 */
import type {Root, SourceSummary} from '../graph/types.js'
import {createRoot, ensureNode} from '../graph/tree.js'
import {GraphBuilder} from './build-graph.js'
import {toObservation, type ObservationIds} from './name-state.js'
import {dominantShape, LogScanner, type ScanCounts} from './scan-log.js'

export interface LogResult {
  graph: Root
  source: SourceSummary
  /** The scanner's counts, with `lines` excluding any tail. */
  counts: ScanCounts
}

/**
 * Scan a whole log from a stream of chunks.
 *
 * @param file Its name, recorded in places and the source summary.
 * @param chunks Its (decompressed) bytes.
 * @param gzip Whether it was compressed, for the source summary.
 * @param clients Optional client filter (see IngestOptions).
 * @param report Called after each chunk with the lines read so far.
 */
export async function readLog(
  file: string,
  chunks: AsyncIterable<Buffer>,
  gzip: boolean,
  clients: ReadonlyMap<string, string> | undefined,
  report: (lines: number) => void,
): Promise<LogResult> {
  const scanner = new LogScanner(file, new GraphBuilder({clients}))
  for await (const chunk of chunks) {
    scanner.push(chunk)
    report(scanner.counts.lines)
  }
  scanner.end()
  return scannerResult(file, gzip, scanner)
}

/** Turn a finished scanner into the log's graph and summary. */
export function scannerResult(file: string, gzip: boolean, scanner: LogScanner): LogResult {
  const counts = {...scanner.counts, lines: scanner.lines}
  const source: SourceSummary = {
    file,
    shape: dominantShape(counts),
    gzip,
    lines: counts.lines,
    queries: scanner.builder.queries,
    unparsed: counts.unparsed,
  }
  const graph = createRoot()
  const builder = scanner.builder
  const slots = builder.counters.slotsByKey()
  const v4 = builder.v4.group()
  const v6 = builder.v6.group()
  for (const [key, state] of builder.observed()) {
    const ids: ObservationIds = {
      slots: slots[state.keyId] ?? [],
      v4: (v4[state.keyId] ?? []).map((index) => builder.v4.second(index)),
      v6: (v6[state.keyId] ?? []).map((index) => builder.v6.second(index)),
    }
    ensureNode(graph, key).data = {
      observation: toObservation(state, builder.counters, ids, file, builder.dictionary),
    }
  }
  graph.data = {runs: 1, sources: [source]}
  return {graph, source, counts}
}
