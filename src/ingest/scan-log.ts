/**
 * Feeding a log's bytes through the compiled scanner (assembly/scanner.ts), which splits
 * lines, recognises their shapes, parses dnsmasq's messages and pairs queries with answers.
 * This side answers what the scanner asks per distinct value (interned-values.ts), keeps the
 * counts the summary reports, tells dnsmasq's noise apart from unknown lines, samples the
 * unparsed ones, and reads out the scan state at the end.
 */
import type {SourceSummary} from '../graph/types.js'
import type {UnparsedLine} from './summary.js'
import {InternedValues} from './interned-values.js'
import {isNoise} from './noise.js'
import {
  FIELD_END,
  FIELD_LINE,
  FIELD_MESSAGE,
  FIELD_SERIAL,
  FIELD_SHAPE,
  FIELD_START,
  RECORD_CAPACITY,
  RECORD_FIELDS,
  RECORD_UNKNOWN,
  SHAPE_JOURNALD,
  SHAPE_PLAIN,
  SHAPE_SYSLOG,
} from './scan-records.js'
import type {PackedState} from './packed-state.js'
import {ScannerInstance} from './scanner-module.js'

/** How many unparsed lines are kept, per source, for the report. */
export const UNPARSED_SAMPLES = 5
/** Unparsed lines longer than this are shortened in samples. */
const SAMPLE_LENGTH = 200

export interface ScanCounts {
  lines: number
  /** Lines by other programs in syslog/journald files. */
  foreign: number
  unparsed: number
  unparsedSamples: UnparsedLine[]
  /** dnsmasq lines per shape: plain, syslog, journald; and how many had extra fields. */
  shapes: [number, number, number]
  extra: number
}

/** Counts before the first line. */
export function emptyScanCounts(): ScanCounts {
  return {lines: 0, foreign: 0, unparsed: 0, unparsedSamples: [], shapes: [0, 0, 0], extra: 0}
}

/** What scanning a log, or one slice of it, produced before it becomes a graph. */
export interface ScanResult {
  state: PackedState
  /** The counts, with `lines` excluding any tail. */
  counts: ScanCounts
  /** Queries that counted. */
  queries: number
}

export interface ScanOptions {
  /** Client IP → recorded name; when set, queries from other clients are ignored. */
  clients?: ReadonlyMap<string, string> | undefined
}

export class LogScanner {
  private readonly values: InternedValues
  private readonly scanner: ScannerInstance
  /** Bytes waiting in the scanner's input: the start of a line the last chunk cut off. */
  private pending = 0
  /** Skipping the rest of a line longer than the scanner's input (see `scanPending`). */
  private skipping = false
  /** Noise lines (known dnsmasq messages the scanner left to us), per SHAPE_*; with extras. */
  private readonly noise: [number, number, number] = [0, 0, 0]
  private noiseExtra = 0
  private unparsedCount = 0
  private readonly unparsedSamples: UnparsedLine[] = []
  /** Set once reading past the end of a worker's slice (see startTail). */
  private tailFrom = -1

  /** @param file Source name for unparsed-line reports. */
  constructor(
    private readonly file: string,
    options: ScanOptions = {},
  ) {
    this.values = new InternedValues(options.clients)
    this.scanner = new ScannerInstance(this.values)
    this.values.attach(this.scanner)
  }

  get counts(): ScanCounts {
    const scanner = this.scanner.exports
    const noise = this.noise
    return {
      lines: scanner.lines(),
      foreign: scanner.foreignLines(),
      unparsed: this.unparsedCount,
      unparsedSamples: this.unparsedSamples,
      shapes: [
        scanner.shapeLines(SHAPE_PLAIN) + noise[SHAPE_PLAIN],
        scanner.shapeLines(SHAPE_SYSLOG) + noise[SHAPE_SYSLOG],
        scanner.shapeLines(SHAPE_JOURNALD) + noise[SHAPE_JOURNALD],
      ],
      extra: scanner.extraLines() + this.noiseExtra,
    }
  }

  /** Feed the next chunk; a line cut at the chunk's end is completed by the next one. */
  push(chunk: Uint8Array): void {
    let offset = 0
    while (offset < chunk.length) {
      offset += this.fill((buffer, at, room) => {
        const length = Math.min(room, chunk.length - offset)
        buffer.set(chunk.subarray(offset, offset + length), at)
        return length
      })
    }
  }

  /**
   * Let `read` place up to `room` bytes straight into the scanner's input at `buffer[at]` (a
   * file's readSync, with no copy through another buffer), then scan them.
   *
   * @returns What `read` returned: 0 at the end of the input.
   */
  fill(read: (buffer: Buffer, at: number, room: number) => number): number {
    const scanner = this.scanner
    scanner.refresh()
    const count = read(
      scanner.bytes,
      scanner.input + this.pending,
      scanner.inputCapacity - this.pending,
    )
    if (count > 0) {
      this.pending += count
      this.scanPending()
    }
    return count
  }

  /**
   * Keep reading past the end of a slice only to pair answers with this slice's pending
   * queries: the lines themselves are counted by the next slice.
   */
  startTail(): void {
    this.tailFrom = this.scanner.exports.lines()
    this.scanner.exports.startTail()
  }

  /** Lines read, not counting a tail. */
  get lines(): number {
    return this.tailFrom >= 0 ? this.tailFrom : this.scanner.exports.lines()
  }

  /** Flush a last line without a newline (a log cut off mid-write); settle pending queries. */
  end(): void {
    if (this.pending > 0 && this.tailFrom < 0 && !this.skipping) {
      const {input} = this.scanner
      this.scanner.exports.scanLast(input, input + this.pending)
      this.takeRecords()
    }
    this.pending = 0
    this.scanner.exports.finish()
  }

  /** Queries that counted. */
  get queries(): number {
    return this.scanner.exports.queries()
  }

  /** What the scan found and counted, after `end`. */
  result(): ScanResult {
    return {state: this.state(), counts: {...this.counts, lines: this.lines}, queries: this.queries}
  }

  /** What the scan found, after `end`, for merging with other slices and building the graph. */
  state(): PackedState {
    const scanner = this.scanner
    const exports = scanner.exports
    return {
      ...this.values.dictionaries(),
      names: scanner.output(exports.observedNames()),
      slots: scanner.output(exports.slotRecords()),
      v4: scanner.output(exports.addressPairs(0)),
      v6: scanner.output(exports.addressPairs(1)),
      cnames: scanner.output(exports.cnamePairs()),
      clients: scanner.output(exports.clientPairs()),
    }
  }

  /** Scan the complete lines waiting in the input, and keep the cut-off rest for later. */
  private scanPending(): void {
    const scanner = this.scanner
    const {input, inputCapacity} = scanner
    const end = input + this.pending
    let start = input
    if (this.skipping) {
      // Only within the input: past it lies the rest of the scanner's memory.
      const newline = scanner.bytes.subarray(start, end).indexOf(0x0a)
      if (newline < 0) {
        this.pending = 0
        return
      }
      this.skipping = false
      start += newline + 1
    }
    for (;;) {
      const next = scanner.exports.scan(start, end)
      this.takeRecords()
      start = next
      if (scanner.exports.recordCount() < RECORD_CAPACITY) break
    }
    if (start === input && this.pending === inputCapacity) {
      // No dnsmasq line is this long (names have at most 255 bytes): scan the beginning as a
      // line of its own, for the unparsed report, and skip the rest.
      scanner.exports.scanLast(input, end)
      this.takeRecords()
      this.skipping = true
      this.pending = 0
      return
    }
    scanner.bytes.copyWithin(input, start, end)
    this.pending = end - start
  }

  private takeRecords(): void {
    const scanner = this.scanner
    scanner.refresh()
    const count = scanner.exports.recordCount()
    const records = scanner.records
    for (let at = 0; at < count * RECORD_FIELDS; at += RECORD_FIELDS) {
      if (records[at] === RECORD_UNKNOWN) this.unknownMessage(records, at)
      else this.unparsed(records, at)
    }
  }

  /** A dnsmasq line the scanner did not recognise: noise, or an unparsed line. */
  private unknownMessage(records: Int32Array, at: number): void {
    const end = records[at + FIELD_END] as number
    if (!isNoise(this.scanner.bytes, records[at + FIELD_MESSAGE] as number, end)) {
      this.unparsed(records, at)
      return
    }
    ;(this.noise[records[at + FIELD_SHAPE] as 0 | 1 | 2] as number)++
    if ((records[at + FIELD_SERIAL] as number) >= 0) this.noiseExtra++
  }

  private unparsed(records: Int32Array, at: number): void {
    this.unparsedCount++
    if (this.unparsedSamples.length >= UNPARSED_SAMPLES) return
    const start = records[at + FIELD_START] as number
    const end = Math.min(records[at + FIELD_END] as number, start + SAMPLE_LENGTH)
    const text = escapeControls(this.scanner.bytes.toString('utf8', start, end))
    this.unparsedSamples.push({file: this.file, line: records[at + FIELD_LINE] as number, text})
  }
}

/** Control bytes would garble a terminal or a report: show them as `\xNN`. */
function escapeControls(text: string): string {
  let escaped = ''
  for (const character of text) {
    const code = character.charCodeAt(0)
    escaped += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : character
  }
  return escaped
}

/** The dominant shape of the dnsmasq lines counted, for the source summary. */
export function dominantShape(counts: ScanCounts): SourceSummary['shape'] {
  const [plain, syslog, journald] = counts.shapes
  if (plain + syslog + journald === 0) return 'empty'
  if (journald > plain && journald > syslog) return 'journald'
  if (syslog > plain) return 'syslog'
  return counts.extra * 2 > plain ? 'extra' : 'plain'
}
