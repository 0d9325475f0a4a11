/**
 * The byte-level line loop: splits chunks at newlines, recognises each line's shape and hands
 * dnsmasq's messages to the graph builder. Lines are never decoded as a whole; a NUL or an
 * invalid UTF-8 byte can only spoil the line it is in, because the next newline starts afresh.
 */
import type {SourceSummary} from '../graph/types.js'
import type {UnparsedLine} from './summary.js'
import {GraphBuilder} from './build-graph.js'
import {createMessage, MESSAGE_NOISE, MESSAGE_UNKNOWN, parseMessage} from './message.js'
import {
  createLinePrefix,
  parseExtraFields,
  parseLinePrefix,
  TAG_DNSMASQ,
  TAG_DNSMASQ_OTHER,
  TAG_FOREIGN,
  type ExtraFields,
} from './shapes/index.js'

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

export class LogScanner {
  readonly counts: ScanCounts = emptyScanCounts()

  private readonly prefix = createLinePrefix()
  private readonly extra: ExtraFields = {serial: -1, message: 0}
  private readonly message = createMessage()
  private carry: Buffer | undefined
  /** Set once reading past the end of a worker's slice (see startTail). */
  private tailFrom = -1

  /**
   * @param file Source name for unparsed-line reports.
   * @param builder Receives every dnsmasq DNS message.
   */
  constructor(
    private readonly file: string,
    readonly builder: GraphBuilder,
  ) {}

  /** Feed the next chunk; a line cut at the chunk's end is completed by the next one. */
  push(chunk: Buffer): void {
    let start = 0
    if (this.carry) {
      const newline = chunk.indexOf(0x0a)
      if (newline < 0) {
        this.carry = Buffer.concat([this.carry, chunk])
        return
      }
      const line = Buffer.concat([this.carry, chunk.subarray(0, newline)])
      this.carry = undefined
      this.scanLine(line, 0, line.length)
      start = newline + 1
    }
    for (;;) {
      const newline = chunk.indexOf(0x0a, start)
      if (newline < 0) break
      this.scanLine(chunk, start, newline)
      start = newline + 1
    }
    if (start < chunk.length) this.carry = Buffer.from(chunk.subarray(start))
  }

  /**
   * Keep reading past the end of a slice only to pair answers with this slice's pending
   * queries: the lines themselves are counted by the next slice.
   */
  startTail(): void {
    this.tailFrom = this.counts.lines
    this.builder.tail = true
  }

  /** Lines read, not counting a tail. */
  get lines(): number {
    return this.tailFrom >= 0 ? this.tailFrom : this.counts.lines
  }

  /** Flush a last line without a newline (a log cut off mid-write) and settle the builder. */
  end(): void {
    if (this.carry && this.tailFrom < 0) {
      this.scanLine(this.carry, 0, this.carry.length)
      this.carry = undefined
    }
    this.builder.finish()
  }

  /**
   * Process one line `buffer[start, end)` without its newline.
   *
   * @returns Nothing; results land in `counts` and the builder.
   */
  scanLine(buffer: Buffer, start: number, end: number): void {
    const line = ++this.counts.lines
    if (end > start && buffer[end - 1] === 0x0d) end--
    if (end === start) return
    if (this.tailFrom >= 0) {
      this.scanTailLine(buffer, start, end, line)
      return
    }
    const prefix = this.prefix
    const tag = parseLinePrefix(buffer, start, end, prefix)
    if (tag === TAG_DNSMASQ) {
      const extra = this.extra
      if (parseExtraFields(buffer, prefix.message, end, extra)) {
        const kind = parseMessage(buffer, extra.message, end, this.message)
        if (kind !== MESSAGE_UNKNOWN) {
          this.counts.shapes[prefix.shape] = (this.counts.shapes[prefix.shape] ?? 0) + 1
          if (extra.serial >= 0) this.counts.extra++
          if (kind !== MESSAGE_NOISE) {
            this.builder.add(prefix.pid, extra.serial, prefix.time, line, buffer, this.message)
          }
          return
        }
      }
    } else if (tag === TAG_DNSMASQ_OTHER) {
      return
    } else if (tag === TAG_FOREIGN) {
      this.counts.foreign++
      return
    } else if (buffer[start] === 0x2d && buffer[start + 1] === 0x2d) {
      // journalctl's `-- Boot … --` / `-- No entries --` markers.
      return
    }
    this.unparsed(buffer, start, end, line)
  }

  private scanTailLine(buffer: Buffer, start: number, end: number, line: number): void {
    const prefix = this.prefix
    if (parseLinePrefix(buffer, start, end, prefix) !== TAG_DNSMASQ) return
    if (!parseExtraFields(buffer, prefix.message, end, this.extra)) return
    const kind = parseMessage(buffer, this.extra.message, end, this.message)
    if (kind !== MESSAGE_UNKNOWN && kind !== MESSAGE_NOISE) {
      this.builder.add(prefix.pid, this.extra.serial, prefix.time, line, buffer, this.message)
    }
  }

  private unparsed(buffer: Buffer, start: number, end: number, line: number): void {
    this.counts.unparsed++
    if (this.counts.unparsedSamples.length >= UNPARSED_SAMPLES) return
    const text = escapeControls(
      buffer.toString('utf8', start, Math.min(end, start + SAMPLE_LENGTH)),
    )
    this.counts.unparsedSamples.push({file: this.file, line, text})
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
