/**
 * Opening an input: a path or `-` (stdin), decompressed when its first bytes are gzip's magic
 * number (names lie: logrotate's `dns.log.1` may be compressed, `dns.log.gz` may not). The
 * bytes are streamed in large chunks; nothing here holds more than one chunk.
 */
import {closeSync, createReadStream, openSync, readSync, statSync} from 'node:fs'
import {stat} from 'node:fs/promises'
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {createGunzip} from 'node:zlib'
import {AllowlistError} from '../errors.js'

/** Read size: large enough that per-chunk overhead vanishes, small enough to stay cache-friendly. */
export const CHUNK_SIZE = 1 << 20

export interface OpenedInput {
  /** `true` when the content was gzip-compressed. */
  gzip: boolean
  /** Size on disk for regular files; `undefined` for stdin and pipes. */
  totalBytes: number | undefined
  /** The (decompressed) content. */
  chunks: AsyncIterable<Buffer>
}

/**
 * Open `file` for streaming.
 *
 * @param file A path, or `-` for stdin.
 * @param onBytes Called with the number of bytes read from disk (compressed size for gzip).
 * @returns The opened input.
 * @throws AllowlistError (`exit: 'input'`) naming the file when it cannot be opened or read.
 */
export async function openInput(
  file: string,
  onBytes: (bytes: number) => void,
): Promise<OpenedInput> {
  let totalBytes: number | undefined
  let source: AsyncIterable<Buffer>
  if (file === '-') {
    source = process.stdin
  } else {
    const stats = await stat(file).catch((error: unknown) => {
      throw inputError(file, error)
    })
    if (stats.isDirectory()) throw inputError(file, new Error('it is a directory'))
    if (stats.isFile()) totalBytes = stats.size
    source = createReadStream(file, {highWaterMark: CHUNK_SIZE})
  }
  const iterator = source[Symbol.asyncIterator]()
  const first = await iterator.next().catch((error: unknown) => {
    throw inputError(file, error)
  })
  const head = first.done ? undefined : (first.value as Buffer)
  const gzip = head !== undefined && head[0] === 0x1f && head[1] === 0x8b
  async function* raw(): AsyncGenerator<Buffer> {
    if (head === undefined) return
    onBytes(head.length)
    yield head
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      onBytes((next.value as Buffer).length)
      yield next.value as Buffer
    }
  }
  const chunks = gzip ? gunzip(raw()) : raw()
  return {gzip, totalBytes, chunks: wrapErrors(file, chunks)}
}

export interface InputPeek {
  regularFile: boolean
  size: number
  gzip: boolean
  /** Starts with `{` (after blanks): a graph document, not a log. */
  document: boolean
}

/**
 * Look at a file's first bytes without streaming it, to choose how to read it. It reads 64
 * bytes, synchronously: the bin script peeks before anything else is loaded (read-ahead.ts).
 *
 * @throws AllowlistError (`exit: 'input'`) naming the file when it cannot be opened.
 */
export function peekInput(file: string): InputPeek {
  try {
    // Only regular files are opened here: opening a FIFO twice could cost its writer the data.
    const stats = statSync(file)
    if (!stats.isFile()) return {regularFile: false, size: 0, gzip: false, document: false}
    const descriptor = openSync(file, 'r')
    try {
      const head = Buffer.alloc(64)
      const bytesRead = readSync(descriptor, head, 0, 64, 0)
      return {
        regularFile: true,
        size: stats.size,
        gzip: bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b,
        document: startsLikeDocument(head.subarray(0, bytesRead)),
      }
    } finally {
      closeSync(descriptor)
    }
  } catch (error) {
    throw inputError(file, error)
  }
}

/** A graph document starts with `{`; no dnsmasq log line does. */
export function startsLikeDocument(head: Buffer): boolean {
  return /^\s*\{/.test(head.toString('latin1', 0, Math.min(head.length, 64)))
}

/**
 * Wrap any error thrown while reading into an AllowlistError naming the file.
 *
 * @param file The input's name.
 * @param error What went wrong.
 */
export function inputError(file: string, error: unknown): AllowlistError {
  if (error instanceof AllowlistError) return error
  const reason =
    (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
      ? 'no such file'
      : error instanceof Error
        ? error.message
        : String(error)
  return new AllowlistError(`Cannot read \`${file}\`: ${reason}`, {
    exit: 'input',
    file,
    cause: error,
  })
}

function gunzip(compressed: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const output = createGunzip({chunkSize: CHUNK_SIZE})
  // pipeline destroys `output` with the error when reading or inflating fails, so the
  // consumer's loop rejects; the promise itself needs no handler of its own.
  pipeline(Readable.from(compressed), output).catch(() => {})
  return output
}

async function* wrapErrors(file: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* chunks
  } catch (error) {
    throw inputError(file, error)
  }
}
