/**
 * Worker thread body for parallel ingest: scan one slice of a regular file (it starts and ends
 * at line boundaries), then read on past its end in tail mode so that queries near the end
 * still meet their answers, and post what the slice found back.
 */
import {closeSync, openSync, readSync} from 'node:fs'
import {parentPort, workerData} from 'node:worker_threads'
import {PENDING_WINDOW} from './scan-records.js'
import {CHUNK_SIZE} from './read-input.js'
import {scanResult} from './read-log.js'
import {LogScanner} from './scan-log.js'
import type {SliceTask, SliceMessage} from './slice-task.js'

const task = workerData as SliceTask
const post = (message: SliceMessage): void => parentPort?.postMessage(message)

const scanner = new LogScanner(task.file, {
  clients: task.clients ? new Map(task.clients) : undefined,
})
const descriptor = openSync(task.file, 'r')
try {
  // Reused: the scanner copies the only bytes it keeps (a line cut at the chunk's end).
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE)
  let position = task.start
  let chunks = 0
  while (position < task.end) {
    const read = readSync(
      descriptor,
      buffer,
      0,
      Math.min(CHUNK_SIZE, task.end - position),
      position,
    )
    if (read === 0) break
    scanner.push(buffer.subarray(0, read))
    position += read
    if (++chunks % 8 === 0)
      post({type: 'progress', bytes: position - task.start, lines: scanner.lines})
  }
  scanner.startTail()
  while (scanner.counts.lines - scanner.lines < PENDING_WINDOW) {
    const read = readSync(descriptor, buffer, 0, 65_536, position)
    if (read === 0) break
    scanner.push(buffer.subarray(0, read))
    position += read
  }
} finally {
  closeSync(descriptor)
}
scanner.end()
const result = scanResult(scanner)
const {state} = result
// The arrays move to the main thread instead of being copied.
const arrays = [state.names, state.slots, state.v4, state.v6, state.cnames, state.clients]
parentPort?.postMessage(
  {type: 'done', result} satisfies SliceMessage,
  arrays.map((array) => array.buffer as ArrayBuffer),
)
