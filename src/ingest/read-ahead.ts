/**
 * Reading a large log while the command line is still being parsed: loading the command line
 * framework takes a fifth of a second or more, and the bin script knows before that which file
 * `allowlist ingest` will read first. `readAhead` starts the reader threads on it at once;
 * parallel ingest adopts them when it reads that file the same way (same size, threads and no
 * client filter), and stops them otherwise. Once they have loaded their scanners, and until
 * ingest adopts them, they do not keep the process alive: a command that never reads the file
 * (`--help`, a usage error) ends as it would have.
 */
import {availableParallelism} from 'node:os'
import {peekInput} from './read-input.js'
import {canReadInParallel, startSliceReaders, type SliceReaders} from './slice-readers.js'

/** Files smaller than this are read on the calling thread (see read-inputs.ts). */
export const PARALLEL_MIN_BYTES = 32 * 1_048_576

let started: SliceReaders | undefined

/**
 * Start reading `file` in parallel if ingest will: a regular, uncompressed log of at least
 * PARALLEL_MIN_BYTES, on a machine with more than one core. Errors are left for ingest to meet
 * and report.
 *
 * @param file The path the command will read first.
 * @returns Settles when the threads are running: loading anything else before that would only
 *   slow their start down.
 */
export async function readAhead(file: string): Promise<void> {
  const workers = Math.min(2, availableParallelism())
  if (started || file === '-' || workers < 2 || !canReadInParallel()) return
  try {
    const peek = peekInput(file)
    if (!peek.regularFile || peek.gzip || peek.document || peek.size < PARALLEL_MIN_BYTES) return
    started = startSliceReaders(file, peek.size, workers, undefined)
  } catch {
    return
  }
  // Failures surface when ingest adopts the threads and waits for them, or not at all.
  for (const result of started.results) result.catch(() => undefined)
  const readers = started
  await readers.ready
  // Unless ingest has adopted them meanwhile, they must not keep the process alive from now on.
  if (started === readers) readers.keepAlive(false)
}

/**
 * The threads `readAhead` started, when they read what ingest is about to read; any others
 * are stopped.
 *
 * @returns The threads, now keeping the process alive, or `undefined`.
 */
export async function adoptReadAhead(
  file: string,
  size: number,
  workers: number,
  clients: ReadonlyMap<string, string> | undefined,
): Promise<SliceReaders | undefined> {
  const readers = started
  started = undefined
  if (!readers) return undefined
  const same = readers.file === file && readers.size === size && readers.workers === workers
  if (same && clients === undefined) {
    readers.keepAlive(true)
    return readers
  }
  await readers.stop()
  return undefined
}
