/**
 * One dnsmasq log, start to end, into a graph of its own plus the counts its source summary
 * and the ingest summary need.
 */
import type {Root, SourceSummary} from '../graph/types.js'
import {createRoot, ensureNode} from '../graph/tree.js'
import {scanObservations, type ScanState} from './scan-state.js'
import {dominantShape, LogScanner, type ScanCounts} from './scan-log.js'

export interface LogResult {
  graph: Root
  source: SourceSummary
  /** The scanner's counts, with `lines` excluding any tail. */
  counts: ScanCounts
}

/** What scanning a log, or one slice of it, produced before it becomes a graph. */
export interface ScanResult {
  state: ScanState
  counts: ScanCounts
  /** Queries that counted. */
  queries: number
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
  const scanner = new LogScanner(file, {clients})
  for await (const chunk of chunks) {
    scanner.push(chunk)
    report(scanner.counts.lines)
  }
  scanner.end()
  return logResult(file, gzip, scanResult(scanner))
}

/** What a finished scanner found. */
export function scanResult(scanner: LogScanner): ScanResult {
  return {
    state: scanner.state(),
    counts: {...scanner.counts, lines: scanner.lines},
    queries: scanner.queries,
  }
}

/**
 * The graph and source summary of a scanned log.
 *
 * @param file Its name, recorded in places and the source summary.
 * @param gzip Whether it was compressed.
 * @param scan What the scan (or the merged scans of its slices) found.
 */
export function logResult(file: string, gzip: boolean, scan: ScanResult): LogResult {
  const {counts} = scan
  const source: SourceSummary = {
    file,
    shape: dominantShape(counts),
    gzip,
    lines: counts.lines,
    queries: scan.queries,
    unparsed: counts.unparsed,
  }
  const graph = createRoot()
  for (const [key, observation] of scanObservations(scan.state, file)) {
    ensureNode(graph, key).data = {observation}
  }
  graph.data = {runs: 1, sources: [source]}
  return {graph, source, counts}
}
