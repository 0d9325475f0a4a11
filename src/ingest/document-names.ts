/**
 * The `names` of a single log's graph document, written by the compiled writer
 * (assembly/document.ts, built into `wasm/document.wasm`) straight from the scan states of
 * its slices: the bytes `serializeGraph` prints for the graph `logGraph` would build, without
 * building it. This side copies the packed states in; the writer merges them and writes.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {PackedState} from './packed-state.js'
import type {LogScan} from './read-log.js'

const MODULE_URL = new URL('../../wasm/document.wasm', import.meta.url)

// Input numbers, as assembly/document.ts exports them (test/ingest/document-names.test.ts
// checks them).
export const INPUT_KEYS = 0
export const INPUT_TYPES = 1
export const INPUT_ADDRESSES = 2
export const INPUT_LABELS = 3
export const INPUT_SPELLINGS = 4
export const INPUT_SPELLING_COUNTS = 5
export const INPUT_NAMES = 6
export const INPUT_SLOTS = 7
export const INPUT_V4 = 8
export const INPUT_V6 = 9
export const INPUT_CNAMES = 10
export const INPUT_CLIENTS = 11
export const INPUT_LINE_OFFSETS = 12
export const INPUT_FILE = 13

interface WriterExports {
  memory: {buffer: ArrayBuffer}
  allocate(bytes: number): number
  setInput(input: number, pointer: number, count: number): void
  addSlice(slice: number): void
  queriedNames(): number
  writeNames(): number
  text(): number
}

/** The part of the WebAssembly API used here (Node's type definitions for 20 lack it). */
const {WebAssembly} = globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object
    Instance: new (module: object, imports: object) => {exports: object}
  }
}
let compiled: object | undefined

/** The writer module's exports, for tests that compare its constants with these. */
export function documentWriter(): Record<string, unknown> {
  compiled ??= new WebAssembly.Module(readFileSync(fileURLToPath(MODULE_URL)))
  const instance = new WebAssembly.Instance(compiled, {
    env: {
      abort(): never {
        throw new Error('The compiled document writer failed')
      },
    },
  })
  return instance.exports as Record<string, unknown>
}

/** A lone UTF-16 surrogate, which `JSON.stringify` escapes and UTF-8 cannot carry. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * The `names` entries of the document of one scanned log.
 *
 * @param log The log, scanned.
 * @returns The entries as `documentText` takes them, and how many names were asked for in
 *   query lines; `undefined` when a client label has a newline or a lone surrogate (labels
 *   come from the caller's client map; the writer reads strings a line each, as UTF-8): the
 *   graph's own serialiser then writes the document.
 */
export function documentNames(log: LogScan): {names: Uint8Array; queried: number} | undefined {
  const unwritable = (label: string): boolean => label.includes('\n') || LONE_SURROGATE.test(label)
  if (log.slices.some(({state}) => state.labels.some(unwritable))) return undefined
  const writer = documentWriter() as unknown as WriterExports
  const put = (input: number, bytes: Uint8Array, count: number): void => {
    const pointer = writer.allocate(bytes.byteLength)
    new Uint8Array(writer.memory.buffer, pointer, bytes.byteLength).set(bytes)
    writer.setInput(input, pointer, count)
  }
  const putText = (input: number, text: string): void => {
    const bytes = Buffer.from(text)
    put(input, bytes, bytes.byteLength)
  }
  const putNumbers = (input: number, values: Int32Array): void => {
    put(input, new Uint8Array(values.buffer, values.byteOffset, values.byteLength), values.length)
  }
  for (const [index, {state}] of log.slices.entries()) {
    putSlice(state, putText, putNumbers)
    writer.addSlice(index)
  }
  putNumbers(
    INPUT_LINE_OFFSETS,
    Int32Array.from(log.slices, (slice) => slice.linesBefore),
  )
  const quotedFile = Buffer.from(JSON.stringify(log.file))
  put(INPUT_FILE, quotedFile, quotedFile.byteLength)
  const length = writer.writeNames()
  return {
    names: new Uint8Array(writer.memory.buffer, writer.text(), length),
    queried: writer.queriedNames(),
  }
}

function putSlice(
  state: PackedState,
  putText: (input: number, text: string) => void,
  putNumbers: (input: number, values: Int32Array) => void,
): void {
  putText(INPUT_KEYS, state.keys)
  putText(INPUT_TYPES, state.types)
  putText(INPUT_ADDRESSES, state.addresses)
  putText(INPUT_LABELS, state.labels.length > 0 ? `${state.labels.join('\n')}\n` : '')
  putText(INPUT_SPELLINGS, state.spellings)
  putNumbers(INPUT_SPELLING_COUNTS, state.spellingCounts)
  putNumbers(INPUT_NAMES, state.names)
  putNumbers(INPUT_SLOTS, state.slots)
  putNumbers(INPUT_V4, state.v4)
  putNumbers(INPUT_V6, state.v6)
  putNumbers(INPUT_CNAMES, state.cnames)
  putNumbers(INPUT_CLIENTS, state.clients)
}
