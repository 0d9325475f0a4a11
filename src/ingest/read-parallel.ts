/**
 * Reading one large regular file with several worker threads. The file is cut into slices at
 * line boundaries; each worker scans its slice and reads a little past its end to pair its
 * last queries with their answers (while the next worker ignores those answers as orphans),
 * so the slices merge into the graph a single pass would build.
 */
import {existsSync} from 'node:fs'
import {open} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {inputError} from './read-input.js'
import {logScan, type LogScan, type ScanResult} from './read-log.js'
import {StateMerger} from './scan-state.js'
import {emptyScanCounts, UNPARSED_SAMPLES, type ScanCounts} from './scan-log.js'
import type {SliceMessage, SliceTask} from './slice-task.js'

const WORKER_URL = new URL('read-slice-worker.js', import.meta.url)
/** Young generation per reader thread, in MiB (V8 picks about 48 on a large machine). */
const YOUNG_GENERATION_MB = 8

/** `false` when running from TypeScript sources (tests), where there is no worker script. */
export function canReadInParallel(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL))
}

/**
 * @param file A regular file.
 * @param size Its size in bytes.
 * @param workers How many threads (slices).
 * @param clients Optional client filter (see IngestOptions).
 * @param report Called now and then with bytes and lines read so far, over all workers.
 * @returns The same result `readLog` gives for the whole file.
 */
export async function readLogInParallel(
  file: string,
  size: number,
  workers: number,
  clients: ReadonlyMap<string, string> | undefined,
  report: (bytes: number, lines: number) => void,
): Promise<LogScan> {
  const bounds = await sliceBounds(file, size, workers)
  const progress = bounds.map(() => ({bytes: 0, lines: 0}))
  const merger = new StateMerger()
  const results = await Promise.all(
    bounds.slice(0, -1).map(async (start, index) => {
      const result = await runSlice(
        {
          file,
          start,
          end: bounds[index + 1] as number,
          clients: clients ? [...clients] : undefined,
        },
        (bytes, lines) => {
          progress[index] = {bytes, lines}
          report(
            progress.reduce((sum, slice) => sum + slice.bytes, 0),
            progress.reduce((sum, slice) => sum + slice.lines, 0),
          )
        },
      )
      // Merged as soon as it arrives, while the other slices may still be scanning.
      merger.add(result.state, index)
      return result
    }),
  )
  return mergeSlices(file, results, merger)
}

/** Offsets where slices start (each just after a newline), plus the file size. */
async function sliceBounds(file: string, size: number, workers: number): Promise<number[]> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw inputError(file, error)
  })
  try {
    const bounds = [0]
    const buffer = Buffer.alloc(65_536)
    for (let index = 1; index < workers; index++) {
      let position = Math.max(Math.floor((size * index) / workers), bounds.at(-1) as number)
      let found = -1
      while (found < 0 && position < size) {
        const {bytesRead} = await handle.read(buffer, 0, buffer.length, position)
        if (bytesRead === 0) break
        const newline = buffer.subarray(0, bytesRead).indexOf(0x0a)
        if (newline >= 0) found = position + newline + 1
        else position += bytesRead
      }
      if (found > 0 && found < size) bounds.push(found)
    }
    bounds.push(size)
    return bounds
  } finally {
    await handle.close()
  }
}

function runSlice(
  task: SliceTask,
  report: (bytes: number, lines: number) => void,
): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: task,
      // Both threads peak together at the end of their slices; a small young generation keeps
      // the heap headroom V8 would add to each (and so the peak RSS) low, at little CPU cost.
      resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
    })
    let result: ScanResult | undefined
    worker.on('message', (message: SliceMessage) => {
      if (message.type === 'progress') report(message.bytes, message.lines)
      else result = message.result
    })
    worker.on('error', (error) => reject(inputError(task.file, error)))
    worker.on('exit', (code) => {
      if (result) resolve(result)
      else reject(inputError(task.file, new Error(`a reader thread stopped with code ${code}`)))
    })
  })
}

/** Add up the slices' counts, shifting line numbers by the lines before each slice. */
function mergeSlices(file: string, slices: ScanResult[], merger: StateMerger): LogScan {
  const counts = emptyScanCounts()
  const offsets: number[] = []
  let queries = 0
  for (const slice of slices) {
    const offset = counts.lines
    offsets.push(offset)
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
  return logScan(file, false, {state: merger.result(offsets), counts, queries})
}
