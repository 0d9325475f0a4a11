/**
 * dnsmasq's DNS messages (the text after `dnsmasq[PID]: ` and any `log-queries=extra` fields),
 * parsed from bytes. Only the few fields the graph needs are decoded into strings; the rest of
 * the line is never turned into a string, which is most of what makes ingest fast.
 */

export const MESSAGE_UNKNOWN = 0
/** `query[TYPE] NAME from CLIENT` */
export const MESSAGE_QUERY = 1
/** `forwarded NAME to SERVER` */
export const MESSAGE_FORWARDED = 2
/** `reply|cached|cached-stale NAME is ANSWER` */
export const MESSAGE_ANSWER = 3
/** `config|DHCP|/path/to/hosts NAME is ANSWER`: answered by dnsmasq itself. */
export const MESSAGE_LOCAL = 4
/** `reply error is REFUSED` (or another rcode): the upstream failed the pending query. */
export const MESSAGE_ERROR = 5
/** Known lines that say nothing about a name (startup, statistics, DNSSEC, overflow). */
export const MESSAGE_NOISE = 6

export const ANSWER_ADDRESS_V4 = 0
export const ANSWER_ADDRESS_V6 = 1
export const ANSWER_CNAME = 2
export const ANSWER_NXDOMAIN = 3
export const ANSWER_NODATA = 4
/** A positive answer without an address: `<MX>`, `<SRV>`, a PTR target name … */
export const ANSWER_OTHER = 5

export type LocalSource = 'config' | 'hosts' | 'dhcp'

export const IMPLIED_NONE = 0
export const IMPLIED_A = 1
export const IMPLIED_AAAA = 2

/**
 * The fields of one message as byte ranges of the line; one object is reused for every line.
 * Ranges are `[start, end)` offsets into the buffer passed to parseMessage.
 */
export interface Message {
  kind: number
  /** Query type as logged (`A`, `HTTPS`, `type=65`), for MESSAGE_QUERY. */
  typeStart: number
  typeEnd: number
  /** The name as logged, for every kind except MESSAGE_ERROR and MESSAGE_NOISE. */
  nameStart: number
  nameEnd: number
  /** The client address, for MESSAGE_QUERY. */
  clientStart: number
  clientEnd: number
  /** ANSWER_* for MESSAGE_ANSWER and MESSAGE_LOCAL. */
  answer: number
  /** The address for ANSWER_ADDRESS_V4/V6. */
  addressStart: number
  addressEnd: number
  /** Who answered, for MESSAGE_LOCAL. */
  local: LocalSource
  /** IMPLIED_A for IPv4 and NODATA-IPv4 answers, IMPLIED_AAAA for IPv6 ones, else IMPLIED_NONE. */
  impliedType: number
}

export function createMessage(): Message {
  return {
    kind: 0,
    typeStart: 0,
    typeEnd: 0,
    nameStart: 0,
    nameEnd: 0,
    clientStart: 0,
    clientEnd: 0,
    answer: 0,
    addressStart: 0,
    addressEnd: 0,
    local: 'config',
    impliedType: 0,
  }
}

const QUERY = bytes('query[')
const FORWARDED = bytes('forwarded ')
const REPLY = bytes('reply ')
const CACHED = bytes('cached ')
const CACHED_STALE = bytes('cached-stale ')
const CONFIG = bytes('config ')
const DHCP = bytes('DHCP ')
const FROM = bytes(' from ')
const TO = bytes(' to ')
const IS = bytes(' is ')
const CNAME = bytes('<CNAME>')
const NXDOMAIN = bytes('NXDOMAIN')
const NODATA = bytes('NODATA')
const ERROR = bytes('error')
const DUPLICATE = bytes('query is duplicate')

/** Messages dnsmasq writes that carry no name; matched only when nothing else did. */
const NOISE = [
  'started, ',
  'compile time options',
  'using ',
  'read ',
  'reading ',
  'exiting ',
  'cleared cache',
  'DNS service limited',
  'dnssec-query[',
  'dnssec-retry[',
  'validation ',
  'overflow: ',
  'warning: ',
  'failed ',
  'ignoring ',
  'Ignoring ',
  'no servers found',
  'Maximum number of concurrent',
  'auth[',
  'ipset add',
  'nftset add',
  'setting ',
  'asynchronous logging',
  'DNSSEC ',
  'time ',
  'possible DNS-rebind',
  'reducing DNS packet size',
  'LOUD WARNING',
  'cache size ',
  'queries forwarded',
  'queries answered',
  'queries for authoritative',
  'server ',
  'pool memory',
  'child processes',
  'bad address',
  'config error',
  'FAILED to start up',
  'secure ',
  'insecure ',
  'bogus ',
  'directory ',
  'not giving name',
  'duplicate ',
]

/**
 * Parse the message in `buffer[start, end)` into `message`.
 *
 * @returns `message.kind`; MESSAGE_UNKNOWN for lines nobody recognises.
 */
export function parseMessage(buffer: Buffer, start: number, end: number, message: Message): number {
  message.kind = MESSAGE_UNKNOWN
  switch (buffer[start]) {
    case 0x71: // q
      if (matches(buffer, start, end, QUERY)) parseQuery(buffer, start + QUERY.length, end, message)
      break
    case 0x66: // f
      if (matches(buffer, start, end, FORWARDED)) {
        const to = lastIndexOf(buffer, start + FORWARDED.length, end, TO)
        if (to > start + FORWARDED.length) {
          message.nameStart = start + FORWARDED.length
          message.nameEnd = to
          message.kind = MESSAGE_FORWARDED
        }
      }
      break
    case 0x72: // r
      if (matches(buffer, start, end, REPLY))
        parseAnswer(buffer, start + REPLY.length, end, message)
      break
    case 0x63: // c
      if (matches(buffer, start, end, CACHED))
        parseAnswer(buffer, start + CACHED.length, end, message)
      else if (matches(buffer, start, end, CACHED_STALE)) {
        parseAnswer(buffer, start + CACHED_STALE.length, end, message)
      } else if (matches(buffer, start, end, CONFIG)) {
        parseLocal(buffer, start + CONFIG.length, end, message, 'config')
      }
      break
    case 0x44: // D
      if (matches(buffer, start, end, DHCP))
        parseLocal(buffer, start + DHCP.length, end, message, 'dhcp')
      break
    case 0x2f: {
      // `/etc/hosts NAME is ANSWER`: the path runs to the first space.
      const space = indexOfByte(buffer, start, end, 0x20)
      if (space > start) parseLocal(buffer, space + 1, end, message, 'hosts')
      break
    }
  }
  if (message.kind === MESSAGE_UNKNOWN && isNoise(buffer, start, end)) message.kind = MESSAGE_NOISE
  return message.kind
}

/** `TYPE] NAME from CLIENT` at `start`: the name is everything up to the last ` from `. */
function parseQuery(buffer: Buffer, start: number, end: number, message: Message): void {
  const close = indexOfByte(buffer, start, end, 0x5d)
  if (close <= start || buffer[close + 1] !== 0x20) return
  const from = lastIndexOf(buffer, close + 2, end, FROM)
  if (from <= close + 2) return
  message.typeStart = start
  message.typeEnd = close
  message.nameStart = close + 2
  message.nameEnd = from
  message.clientStart = from + FROM.length
  message.clientEnd = end
  message.kind = MESSAGE_QUERY
}

function parseAnswer(buffer: Buffer, start: number, end: number, message: Message): void {
  // Nearly always the last word is the whole answer, right after the last ` is `: one backward
  // scan then finds the name's end and what the answer looks like.
  let word = scanWordBackward(buffer, start, end)
  let wordStart = wordStartOf(word)
  let wordEnd = end
  let is = wordStart - IS.length
  if (is <= start || !matches(buffer, is, wordStart, IS)) {
    // A suffix such as ` (DNSSEC signed)` or ` (EDE: …)` follows the answer, up to a space.
    is = lastIndexOf(buffer, start, end, IS)
    if (is <= start) return
    wordStart = is + IS.length
    wordEnd = indexOfByte(buffer, wordStart, end, 0x20)
    if (wordEnd < 0) wordEnd = end
    word = scanWordBackward(buffer, wordStart, wordEnd)
  }
  if (is - start === ERROR.length && matches(buffer, start, is, ERROR)) {
    message.kind = MESSAGE_ERROR
    return
  }
  if (end - start === DUPLICATE.length && matches(buffer, start, end, DUPLICATE)) {
    message.kind = MESSAGE_NOISE
    return
  }
  if (wordStart === wordEnd) return
  classifyAnswer(buffer, wordStart, wordEnd, word % 4, message)
  message.nameStart = start
  message.nameEnd = is
  message.kind = MESSAGE_ANSWER
}

/** In a scanned word: it has a colon (IPv6-like); it is only digits and dots (IPv4-like). */
const WORD_COLON = 1
const WORD_DOTTED_DIGITS = 2

/**
 * Scan back from `end` to the last space in `[start, end)`, noting what the word after it
 * looks like.
 *
 * @returns `(offset of the word) * 4 + WORD_* flags`: one number, so that nothing is allocated.
 */
function scanWordBackward(buffer: Uint8Array, start: number, end: number): number {
  let flags = WORD_DOTTED_DIGITS
  let offset = end - 1
  for (; offset >= start; offset--) {
    const byte = buffer[offset] as number
    if (byte === 0x20) break
    if (byte === 0x3a) flags |= WORD_COLON
    else if (byte !== 0x2e && (byte < 0x30 || byte > 0x39)) flags &= ~WORD_DOTTED_DIGITS
  }
  return (offset + 1) * 4 + flags
}

function wordStartOf(word: number): number {
  return Math.floor(word / 4)
}

function parseLocal(
  buffer: Buffer,
  start: number,
  end: number,
  message: Message,
  local: LocalSource,
): void {
  parseAnswer(buffer, start, end, message)
  if (message.kind !== MESSAGE_ANSWER) return
  message.kind = MESSAGE_LOCAL
  message.local = local
}

/** Sort the non-empty answer word `buffer[start, stop)` into ANSWER_*. */
function classifyAnswer(
  buffer: Buffer,
  start: number,
  stop: number,
  flags: number,
  message: Message,
): void {
  message.impliedType = IMPLIED_NONE
  if (matches(buffer, start, stop, CNAME) && stop - start === CNAME.length) {
    message.answer = ANSWER_CNAME
  } else if (matches(buffer, start, stop, NXDOMAIN) && stop - start === NXDOMAIN.length) {
    message.answer = ANSWER_NXDOMAIN
  } else if (matches(buffer, start, stop, NODATA)) {
    message.answer = ANSWER_NODATA
    const family = stop - start === 11 ? buffer[start + 10] : 0 // NODATA-IPv4 / NODATA-IPv6
    message.impliedType =
      family === 0x34 ? IMPLIED_A : family === 0x36 ? IMPLIED_AAAA : IMPLIED_NONE
  } else if ((flags & (WORD_COLON | WORD_DOTTED_DIGITS)) !== 0) {
    const v6 = (flags & WORD_COLON) !== 0
    message.answer = v6 ? ANSWER_ADDRESS_V6 : ANSWER_ADDRESS_V4
    message.addressStart = start
    message.addressEnd = stop
    message.impliedType = v6 ? IMPLIED_AAAA : IMPLIED_A
  } else {
    message.answer = ANSWER_OTHER
  }
}

function isNoise(buffer: Buffer, start: number, end: number): boolean {
  const head = buffer.toString('latin1', start, Math.min(end, start + 32))
  return NOISE.some((prefix) => head.startsWith(prefix))
}

function bytes(text: string): Uint8Array {
  return Buffer.from(text, 'latin1')
}

function matches(buffer: Uint8Array, start: number, end: number, pattern: Uint8Array): boolean {
  if (end - start < pattern.length) return false
  for (let index = 0; index < pattern.length; index++) {
    if (buffer[start + index] !== pattern[index]) return false
  }
  return true
}

/** The first offset of `byte` in `[start, end)`, or -1 (Buffer#indexOf would search past `end`). */
function indexOfByte(buffer: Uint8Array, start: number, end: number, byte: number): number {
  for (let offset = start; offset < end; offset++) if (buffer[offset] === byte) return offset
  return -1
}

/** The last offset in `[start, end)` where `pattern` starts, or -1. */
function lastIndexOf(buffer: Uint8Array, start: number, end: number, pattern: Uint8Array): number {
  for (let offset = end - pattern.length; offset >= start; offset--) {
    if (buffer[offset] === pattern[0] && matches(buffer, offset, end, pattern)) return offset
  }
  return -1
}
