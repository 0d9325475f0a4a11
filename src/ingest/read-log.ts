/**
 * One dnsmasq log, start to end, into what its graph is built from, plus the counts its source
 * summary and the ingest summary need.
 */
import type {Root, SourceSummary} from '../graph/types.js'
import {createRoot, ensureNode} from '../graph/tree.js'
import {scanObservations, type ScanState} from './scan-state.js'
import {dominantShape, LogScanner, type ScanCounts} from './scan-log.js'

/** A log, scanned: its graph is `logGraph(scan)`, its document also `documentNames`' text. */
export interface LogScan {
  file: string
  source: SourceSummary
  /** The scanner's counts, with `lines` excluding any tail. */
  counts: ScanCounts
  state: ScanState
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
): Promise<LogScan> {
  const scanner = new LogScanner(file, {clients})
  for await (const chunk of chunks) {
    scanner.push(chunk)
    report(scanner.counts.lines)
  }
  scanner.end()
  return logScan(file, gzip, scanResult(scanner))
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
 * A scanned log with its source summary.
 *
 * @param file Its name, recorded in places and the source summary.
 * @param gzip Whether it was compressed.
 * @param scan What the scan (or the merged scans of its slices) found.
 */
export function logScan(file: string, gzip: boolean, scan: ScanResult): LogScan {
  const {counts} = scan
  const source: SourceSummary = {
    file,
    shape: dominantShape(counts),
    gzip,
    lines: counts.lines,
    queries: scan.queries,
    unparsed: counts.unparsed,
  }
  return {file, source, counts, state: scan.state}
}

/** The graph of a scanned log: one run, one source. */
export function logGraph(log: LogScan): Root {
  const graph = createRoot()
  for (const [key, observation] of scanObservations(log.state, log.file)) {
    ensureNode(graph, key).data = {observation}
  }
  graph.data = {runs: 1, sources: [log.source]}
  return graph
}
