/**
 * The compiled scanner: `assembly/scanner.ts`, built by `npm run build` into
 * `wasm/scanner.wasm`. The module is compiled once per thread; each LogScanner gets an
 * instance of its own (its own memory, interned values, pending queries and counts).
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {RECORD_CAPACITY, RECORD_FIELDS} from './scan-records.js'

const MODULE_URL = new URL('../../wasm/scanner.wasm', import.meta.url)

/** The part of the WebAssembly API used here (Node's type definitions for 20 lack it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => CompiledModule
  Instance: new (module: CompiledModule, imports: object) => {exports: object}
}
/** A compiled module, opaque here. */
export type CompiledModule = object
const {WebAssembly} = globalThis as unknown as {WebAssembly: WebAssemblyApi}

/** The instance's exported functions (see assembly/scanner.ts). */
interface ScannerExports {
  memory: {buffer: ArrayBuffer}
  input(): number
  inputCapacity(): number
  records(): number
  recordCount(): number
  scan(start: number, end: number): number
  scanLast(start: number, end: number): void
  startTail(): void
  finish(): void
  queries(): number
  outputPointer(): number
  observedNames(): number
  slotRecords(): number
  addressPairs(family: number): number
  cnamePairs(): number
  clientPairs(): number
  lines(): number
  foreignLines(): number
  extraLines(): number
  shapeLines(shape: number): number
  valueCount(kind: number): number
  joinValues(kind: number): number
  joinedPointer(): number
  valuePointer(kind: number, id: number): number
  valueLength(kind: number, id: number): number
  keyScratch(bytes: number): number
  internKey(start: number, end: number): number
}

let compiled: CompiledModule | undefined

/** The module itself, for tests that compare its exported constants with ours. */
export function scannerModule(): CompiledModule {
  if (!compiled) {
    let bytes: Buffer
    try {
      bytes = readFileSync(fileURLToPath(MODULE_URL))
    } catch (error) {
      throw new Error(
        `Cannot load the compiled scanner ${fileURLToPath(MODULE_URL)} (run \`npm run build\`): ${(error as Error).message}`,
      )
    }
    compiled = new WebAssembly.Module(bytes)
  }
  return compiled
}

/** What the builder inside the scanner asks of this side (assembly/host.ts). */
export interface ScannerHost {
  keyOf(rawId: number): number
  reversedKeyOf(rawId: number): number
  labelOf(clientId: number): number
  spelled(rawId: number, keyId: number): void
}

export class ScannerInstance {
  readonly exports: ScannerExports
  /** Where bytes to scan go, and how many fit. */
  readonly input: number
  readonly inputCapacity: number
  /** The scanner's memory as bytes and as the last scan's records; see `refresh`. */
  bytes!: Buffer
  records!: Int32Array
  private readonly recordsAt: number

  constructor(host: ScannerHost) {
    const instance = new WebAssembly.Instance(scannerModule(), {
      env: {
        abort(): never {
          throw new Error('The compiled scanner failed')
        },
      },
      host: {
        keyOf: (rawId: number) => host.keyOf(rawId),
        reversedKeyOf: (rawId: number) => host.reversedKeyOf(rawId),
        labelOf: (clientId: number) => host.labelOf(clientId),
        spelled: (rawId: number, keyId: number) => host.spelled(rawId, keyId),
      },
    })
    this.exports = instance.exports as unknown as ScannerExports
    this.input = this.exports.input()
    this.inputCapacity = this.exports.inputCapacity()
    this.recordsAt = this.exports.records()
    this.refresh()
  }

  /** Renew the views after the memory grew (interning may grow it): the old ones are detached. */
  refresh(): void {
    const buffer = this.exports.memory.buffer
    if (this.bytes?.buffer === buffer) return
    this.bytes = Buffer.from(buffer)
    this.records = new Int32Array(buffer, this.recordsAt, RECORD_CAPACITY * RECORD_FIELDS)
  }

  /**
   * A copy of what one of the state exports wrote.
   *
   * @param length What the export returned.
   */
  output(length: number): Int32Array {
    const pointer = this.exports.outputPointer()
    return new Int32Array(this.exports.memory.buffer, pointer, length).slice()
  }

  /**
   * Every interned value of `kind` (VALUE_*, not names) in id order, a newline after each.
   *
   * @param encoding `utf8` for graph keys, `latin1` for the values taken from a line as bytes.
   */
  lines(kind: number, encoding: 'utf8' | 'latin1'): string {
    const length = this.exports.joinValues(kind)
    const pointer = this.exports.joinedPointer()
    this.refresh()
    return this.bytes.toString(encoding, pointer, pointer + length)
  }

  /** The id of graph key `key`, numbering it when new, among the scanner's keys. */
  internKey(key: string): number {
    const length = Buffer.byteLength(key)
    const pointer = this.exports.keyScratch(length)
    this.refresh()
    this.bytes.write(key, pointer, 'utf8')
    return this.exports.internKey(pointer, pointer + length)
  }

  /** The text of interned value `id` of `kind` (VALUE_*). */
  text(kind: number, id: number, encoding: 'utf8' | 'latin1'): string {
    const pointer = this.exports.valuePointer(kind, id)
    const length = this.exports.valueLength(kind, id)
    // Called mid-scan, when interning may just have grown the memory.
    this.refresh()
    return this.bytes.toString(encoding, pointer, pointer + length)
  }
}
