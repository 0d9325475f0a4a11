/**
 * One dnsmasq log, start to end, into what its graph is built from, plus the counts its source
 * summary and the ingest summary need.
 */
import type {Root, SourceSummary} from '../graph/types.js'
import {createRoot, ensureNode} from '../graph/tree.js'
import {unpackState, type PackedState} from './packed-state.js'
import {scanObservations, StateMerger} from './scan-state.js'
import {dominantShape, LogScanner, type ScanCounts, type ScanResult} from './scan-log.js'

/**
 * A log, scanned, in one slice or in several read by different threads: its graph is
 * `logGraph(scan)`; its document can also be written straight from it (document-names.ts).
 */
export interface LogScan {
  file: string
  source: SourceSummary
  /** The scanner's counts, with `lines` excluding any tail. */
  counts: ScanCounts
  /** In log order, each with the number of lines before it. */
  slices: Array<{state: PackedState; linesBefore: number}>
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
  const scan = scanner.result()
  return logScan(file, gzip, scan, [{state: scan.state, linesBefore: 0}])
}

/**
 * A scanned log with its source summary.
 *
 * @param file Its name, recorded in places and the source summary.
 * @param gzip Whether it was compressed.
 * @param scan The counts of the whole log (its slices' added up).
 * @param slices What each slice's scan found.
 */
export function logScan(
  file: string,
  gzip: boolean,
  scan: Omit<ScanResult, 'state'>,
  slices: LogScan['slices'],
): LogScan {
  const {counts} = scan
  const source: SourceSummary = {
    file,
    shape: dominantShape(counts),
    gzip,
    lines: counts.lines,
    queries: scan.queries,
    unparsed: counts.unparsed,
  }
  return {file, source, counts, slices}
}

/** The graph of a scanned log: one run, one source. */
export function logGraph(log: LogScan): Root {
  const [first, ...others] = log.slices
  let state = unpackState((first as LogScan['slices'][0]).state)
  if (others.length > 0) {
    const merger = new StateMerger()
    merger.add(state, 0)
    for (const [index, slice] of others.entries()) merger.add(unpackState(slice.state), index + 1)
    state = merger.result(log.slices.map((slice) => slice.linesBefore))
  }
  const graph = createRoot()
  for (const [key, observation] of scanObservations(state, log.file)) {
    ensureNode(graph, key).data = {observation}
  }
  graph.data = {runs: 1, sources: [log.source]}
  return graph
}
