/**
 * The `names` of a single log's graph document, written by the compiled writer
 * (assembly/document.ts, built into `wasm/document.wasm`) straight from the scan state: the
 * bytes `serializeGraph` prints for the graph `logGraph` would build, without building it.
 * This side hands the writer the state's arrays and strings, and the orders JavaScript sorts
 * strings in, which the document follows.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {NAME_RECORD, SLOT_STRIDE} from './scan-records.js'
import type {ScanState} from './scan-state.js'

const MODULE_URL = new URL('../../wasm/document.wasm', import.meta.url)

// Input numbers, as assembly/document.ts exports them (test/ingest/document-names.test.ts
// checks them).
export const INPUT_KEYS = 0
export const INPUT_TYPES = 1
export const INPUT_ADDRESSES = 2
export const INPUT_LABELS = 3
export const INPUT_SPELLINGS = 4
export const INPUT_KEY_RANKS = 5
export const INPUT_TYPE_RANKS = 6
export const INPUT_LABEL_RANKS = 7
export const INPUT_NAMES = 8
export const INPUT_SLOTS = 9
export const INPUT_V4 = 10
export const INPUT_V6 = 11
export const INPUT_CNAMES = 12
export const INPUT_CLIENTS = 13
export const INPUT_SPELLING_COUNTS = 14
export const INPUT_FILE = 15

interface WriterExports {
  memory: {buffer: ArrayBuffer}
  allocate(bytes: number): number
  setInput(input: number, pointer: number, count: number): void
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
 * @param state What the scan found.
 * @param file The log's name, recorded in each name's `places`.
 * @returns The entries as `documentText` takes them, or `undefined` when a client label has
 *   a newline or a lone surrogate (labels come from the caller's client map; the writer reads
 *   strings a line each, as UTF-8): the graph's own serialiser then writes the document.
 */
export function documentNames(state: ScanState, file: string): Uint8Array | undefined {
  if (state.labels.some((label) => label.includes('\n') || LONE_SURROGATE.test(label))) {
    return undefined
  }
  const writer = documentWriter() as unknown as WriterExports
  const put = (input: number, bytes: Uint8Array, count: number): void => {
    const pointer = writer.allocate(bytes.byteLength)
    new Uint8Array(writer.memory.buffer, pointer, bytes.byteLength).set(bytes)
    writer.setInput(input, pointer, count)
  }
  const putText = (input: number, values: readonly string[]): void => {
    const bytes = Buffer.from(values.length > 0 ? `${values.join('\n')}\n` : '')
    put(input, bytes, bytes.byteLength)
  }
  const putNumbers = (input: number, values: Int32Array): void => {
    put(input, new Uint8Array(values.buffer, values.byteOffset, values.byteLength), values.length)
  }
  putText(INPUT_KEYS, state.keys)
  putText(INPUT_TYPES, state.types)
  putText(INPUT_ADDRESSES, state.addresses)
  putText(INPUT_LABELS, state.labels)
  putText(
    INPUT_SPELLINGS,
    state.rawNames.flatMap(([, spellings]) => spellings),
  )
  putNumbers(INPUT_KEY_RANKS, ranks(state.keys, compareStrings))
  putNumbers(INPUT_TYPE_RANKS, ranks(state.types, compareRecordKeys))
  putNumbers(INPUT_LABEL_RANKS, ranks(state.labels, compareStrings))
  putNumbers(INPUT_NAMES, state.names)
  putNumbers(INPUT_SLOTS, state.slots)
  putNumbers(INPUT_V4, state.v4)
  putNumbers(INPUT_V6, state.v6)
  putNumbers(INPUT_CNAMES, state.cnames)
  putNumbers(INPUT_CLIENTS, state.clients)
  putNumbers(
    INPUT_SPELLING_COUNTS,
    Int32Array.from(state.rawNames.flatMap(([keyId, spellings]) => [keyId, spellings.length])),
  )
  const quotedFile = Buffer.from(JSON.stringify(file))
  put(INPUT_FILE, quotedFile, quotedFile.byteLength)
  const length = writer.writeNames()
  return new Uint8Array(writer.memory.buffer, writer.text(), length)
}

/** How many of the state's observed names were asked for in a query line. */
export function queriedNames(state: ScanState): number {
  const queried = new Set<number>()
  for (let at = 0; at < state.slots.length; at += SLOT_STRIDE) {
    if ((state.slots[at + 2] as number) > 0) queried.add(state.slots[at] as number)
  }
  let names = 0
  for (let at = 0; at < state.names.length; at += NAME_RECORD) {
    if (queried.has(state.names[at] as number)) names++
  }
  return names
}

/** Per value, its place when sorted with `compare`. */
function ranks(values: readonly string[], compare: (a: string, b: string) => number): Int32Array {
  const order = values.map((_, index) => index)
  order.sort((a, b) => compare(values[a] as string, values[b] as string))
  const ranks = new Int32Array(values.length)
  for (const [rank, index] of order.entries()) ranks[index] = rank
  return ranks
}

/** The order of `Array#sort` without a comparator (UTF-16 code units). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The order a record's keys come out of `JSON.stringify` when inserted sorted: array indexes
 * (`"0"`, `"42"`) first, by value, then the others as inserted.
 */
function compareRecordKeys(a: string, b: string): number {
  const aIndex = arrayIndex(a)
  const bIndex = arrayIndex(b)
  if (aIndex >= 0 || bIndex >= 0) {
    if (aIndex < 0) return 1
    if (bIndex < 0) return -1
    return aIndex - bIndex
  }
  return compareStrings(a, b)
}

/** The value of an array-index key (`"0"` … `"4294967294"`), or -1. */
function arrayIndex(key: string): number {
  if (!/^(?:0|[1-9]\d{0,9})$/.test(key)) return -1
  const value = Number(key)
  return value < 4_294_967_295 ? value : -1
}
