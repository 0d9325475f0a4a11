/**
 * The reader threads of parallel ingest: a large regular file cut into slices at line
 * boundaries and a worker started on each (read-slice-worker.ts). Starting them needs nothing
 * but Node itself and this module, so that the bin script can start them before the command
 * line framework has even loaded (read-ahead.ts).
 */
import {closeSync, existsSync, openSync, readSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {ScanResult} from './scan-log.js'
import {inputError} from './read-input.js'
import type {SliceMessage, SliceTask} from './slice-task.js'

const WORKER_URL = new URL('read-slice-worker.js', import.meta.url)
/** Young generation per reader thread, in MiB (V8 picks about 48 on a large machine). */
const YOUNG_GENERATION_MB = 8

/** `false` when running from TypeScript sources (tests), where there is no worker script. */
export function canReadInParallel(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL))
}

/** Threads reading the slices of one file. */
export interface SliceReaders {
  file: string
  size: number
  /** The threads asked for (there are fewer when the file has fewer lines). */
  workers: number
  /** Each slice's result, in file order. */
  results: Array<Promise<ScanResult>>
  /** Settles when every thread has loaded its scanner (or stopped). */
  ready: Promise<void>
  /** Where the threads' progress goes: bytes and lines read so far in slice `index`. */
  onProgress: (index: number, bytes: number, lines: number) => void
  /** Whether the threads keep the process alive until they are done. */
  keepAlive(keep: boolean): void
  /** Stop the threads; their results are then rejected. */
  stop(): Promise<void>
}

/**
 * Start a thread on each slice of `file`. Finding the slices' bounds reads a few bytes around
 * each, synchronously, so that the threads start at once (read-ahead.ts).
 *
 * @param file A regular file.
 * @param size Its size in bytes.
 * @param workers How many threads (slices); fewer when the file has fewer lines.
 * @param clients Optional client filter (see IngestOptions).
 * @returns The running threads.
 */
export function startSliceReaders(
  file: string,
  size: number,
  workers: number,
  clients: ReadonlyMap<string, string> | undefined,
): SliceReaders {
  const bounds = sliceBounds(file, size, workers)
  const threads: Worker[] = []
  const ready: Array<Promise<void>> = []
  const readers: SliceReaders = {
    file,
    size,
    workers,
    results: [],
    ready: Promise.resolve(),
    onProgress: () => undefined,
    keepAlive(keep) {
      for (const thread of threads) {
        if (keep) thread.ref()
        else thread.unref()
      }
    },
    async stop() {
      await Promise.all(threads.map((thread) => thread.terminate()))
    },
  }
  for (const [index, start] of bounds.slice(0, -1).entries()) {
    const task: SliceTask = {
      file,
      start,
      end: bounds[index + 1] as number,
      clients: clients ? [...clients] : undefined,
    }
    const worker = new Worker(WORKER_URL, {
      workerData: task,
      // Both threads peak together at the end of their slices; a small young generation keeps
      // the heap headroom V8 would add to each (and so the peak RSS) low, at little CPU cost.
      resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
    })
    threads.push(worker)
    readers.results.push(
      sliceResult(worker, task, (bytes, lines) => readers.onProgress(index, bytes, lines)),
    )
    ready.push(
      new Promise((resolve) => {
        worker.on('message', (message: SliceMessage) => {
          if (message.type === 'ready') resolve()
        })
        worker.on('exit', () => resolve())
      }),
    )
  }
  readers.ready = Promise.all(ready).then(() => undefined)
  return readers
}

function sliceResult(
  worker: Worker,
  task: SliceTask,
  report: (bytes: number, lines: number) => void,
): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    let result: ScanResult | undefined
    worker.on('message', (message: SliceMessage) => {
      if (message.type === 'progress') report(message.bytes, message.lines)
      else if (message.type === 'done') result = message.result
    })
    worker.on('error', (error) => reject(inputError(task.file, error)))
    worker.on('exit', (code) => {
      if (result) resolve(result)
      else reject(inputError(task.file, new Error(`a reader thread stopped with code ${code}`)))
    })
  })
}

/** Offsets where slices start (each just after a newline), plus the file size. */
function sliceBounds(file: string, size: number, workers: number): number[] {
  let descriptor: number
  try {
    descriptor = openSync(file, 'r')
  } catch (error) {
    throw inputError(file, error)
  }
  try {
    const bounds = [0]
    const buffer = Buffer.alloc(65_536)
    for (let index = 1; index < workers; index++) {
      let position = Math.max(Math.floor((size * index) / workers), bounds.at(-1) as number)
      let found = -1
      while (found < 0 && position < size) {
        const bytesRead = readSync(descriptor, buffer, 0, buffer.length, position)
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
    closeSync(descriptor)
  }
}
