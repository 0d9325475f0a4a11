/**
 * Reading one large regular file with several worker threads. The file is cut into slices at
 * line boundaries; each worker scans its slice and reads a little past its end to pair its
 * last queries with their answers (while the next worker ignores those answers as orphans),
 * so the slices' states merge into the graph a single pass would build.
 */
import {adoptReadAhead} from './read-ahead.js'
import type {PackedState} from './packed-state.js'
import {logScan, type LogScan} from './read-log.js'
import {emptyScanCounts, UNPARSED_SAMPLES, type ScanCounts, type ScanResult} from './scan-log.js'
import {startSliceReaders} from './slice-readers.js'

export {canReadInParallel} from './slice-readers.js'

/**
 * @param file A regular file.
 * @param size Its size in bytes.
 * @param workers How many threads (slices).
 * @param clients Optional client filter (see IngestOptions).
 * @param report Called now and then with bytes and lines read so far, over all workers.
 * @param onSlice Called with each slice's state as it arrives, in any order.
 * @returns The same result `readLog` gives for the whole file.
 */
export async function readLogInParallel(
  file: string,
  size: number,
  workers: number,
  clients: ReadonlyMap<string, string> | undefined,
  report: (bytes: number, lines: number) => void,
  onSlice?: (index: number, state: PackedState) => void,
): Promise<LogScan> {
  const readers =
    (await adoptReadAhead(file, size, workers, clients)) ??
    startSliceReaders(file, size, workers, clients)
  const progress = readers.results.map(() => ({bytes: 0, lines: 0}))
  readers.onProgress = (index, bytes, lines) => {
    progress[index] = {bytes, lines}
    report(
      progress.reduce((sum, slice) => sum + slice.bytes, 0),
      progress.reduce((sum, slice) => sum + slice.lines, 0),
    )
  }
  const results = readers.results.map(async (result, index) => {
    const slice = await result
    onSlice?.(index, slice.state)
    return slice
  })
  return addSlices(file, await Promise.all(results))
}

/** Add up the slices' counts, shifting line numbers by the lines before each slice. */
function addSlices(file: string, slices: ScanResult[]): LogScan {
  const counts = emptyScanCounts()
  const states: LogScan['slices'] = []
  let queries = 0
  for (const slice of slices) {
    const offset = counts.lines
    states.push({state: slice.state, linesBefore: offset})
    for (const sample of slice.counts.unparsedSamples) {
      if (counts.unparsedSamples.length < UNPARSED_SAMPLES) {
        counts.unparsedSamples.push({...sample, line: sample.line + offset})
      }
    }
    counts.lines += slice.counts.lines
    counts.foreign += slice.counts.foreign
    counts.unparsed += slice.counts.unparsed
    counts.extra += slice.counts.extra
    counts.shapes = counts.shapes.map(
      (value, shape) => value + (slice.counts.shapes[shape] ?? 0),
    ) as ScanCounts['shapes']
    queries += slice.queries
  }
  return logScan(file, false, {counts, queries}, states)
}
