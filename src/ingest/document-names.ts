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

/** A client label the writer cannot take: it reads strings a line each, as UTF-8. */
function unwritable(label: string): boolean {
  return label.includes('\n') || LONE_SURROGATE.test(label)
}

/**
 * The compiled writer for one log, given each slice's state as soon as it is read: the
 * first slices merge while later ones are still being scanned.
 */
export class NamesWriter {
  private readonly writer = documentWriter() as unknown as WriterExports
  private readonly added = new Set<number>()
  /** Set when a slice had a label the writer cannot take (labels come from a client map). */
  private declined = false

  /** Merge slice `index` (0 for the first in the log). */
  add(index: number, state: PackedState): void {
    if (this.declined || this.added.has(index)) return
    if (state.labels.some(unwritable)) {
      this.declined = true
      return
    }
    this.putText(INPUT_KEYS, state.keys)
    this.putText(INPUT_TYPES, state.types)
    this.putText(INPUT_ADDRESSES, state.addresses)
    this.putText(INPUT_LABELS, state.labels.length > 0 ? `${state.labels.join('\n')}\n` : '')
    this.putText(INPUT_SPELLINGS, state.spellings)
    this.putNumbers(INPUT_SPELLING_COUNTS, state.spellingCounts)
    this.putNumbers(INPUT_NAMES, state.names)
    this.putNumbers(INPUT_SLOTS, state.slots)
    this.putNumbers(INPUT_V4, state.v4)
    this.putNumbers(INPUT_V6, state.v6)
    this.putNumbers(INPUT_CNAMES, state.cnames)
    this.putNumbers(INPUT_CLIENTS, state.clients)
    this.writer.addSlice(index)
    this.added.add(index)
  }

  /**
   * The `names` entries of the log's document, its slices not added yet added first.
   *
   * @returns The entries as `documentText` takes them, and how many names were asked for in
   *   query lines; `undefined` when a client label has a newline or a lone surrogate: the
   *   graph's own serialiser then writes the document.
   */
  finish(log: LogScan): {names: Uint8Array; queried: number} | undefined {
    for (const [index, {state}] of log.slices.entries()) this.add(index, state)
    if (this.declined) return undefined
    this.putNumbers(
      INPUT_LINE_OFFSETS,
      Int32Array.from(log.slices, (slice) => slice.linesBefore),
    )
    const quotedFile = Buffer.from(JSON.stringify(log.file))
    this.put(INPUT_FILE, quotedFile, quotedFile.byteLength)
    const length = this.writer.writeNames()
    return {
      names: new Uint8Array(this.writer.memory.buffer, this.writer.text(), length),
      queried: this.writer.queriedNames(),
    }
  }

  private put(input: number, bytes: Uint8Array, count: number): void {
    const pointer = this.writer.allocate(bytes.byteLength)
    new Uint8Array(this.writer.memory.buffer, pointer, bytes.byteLength).set(bytes)
    this.writer.setInput(input, pointer, count)
  }

  private putText(input: number, text: string): void {
    const bytes = Buffer.from(text)
    this.put(input, bytes, bytes.byteLength)
  }

  private putNumbers(input: number, values: Int32Array): void {
    this.put(
      input,
      new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
      values.length,
    )
  }
}
