/**
 * The messages between parallel ingest (read-parallel.ts) and its workers
 * (read-slice-worker.ts).
 */
import type {ScanResult} from './scan-log.js'

export interface SliceTask {
  file: string
  /** Byte offsets: `start` is the first byte of a line, `end` the byte after a newline. */
  start: number
  end: number
  /** The client filter as entries (maps are cloned as such too, but entries say what is meant). */
  clients: Array<[string, string]> | undefined
}

/** `ready` once the thread has loaded its scanner, then progress now and then, then done. */
export type SliceMessage =
  | {type: 'ready'}
  | {type: 'progress'; bytes: number; lines: number}
  | {type: 'done'; result: ScanResult}
