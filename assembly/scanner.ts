/**
 * Ingest's line loop, compiled to WebAssembly: it splits the bytes the TypeScript side placed
 * in `input` at newlines, recognises each line's shape, parses dnsmasq's messages, interns
 * their names, query types, clients and addresses, and hands them to the builder, which pairs
 * queries with answers. Lines that need no work (other programs' lines, blank lines, DHCP) are
 * only counted; the few the TypeScript side must look at come back as fixed-size records. A
 * NUL or an invalid UTF-8 byte can only spoil the line it is in, because the next newline
 * starts afresh.
 */
import {byteAt, indexOfByte} from './bytes'
import {keyOfName} from './keys'
import {NO_PAYLOAD} from './interner'
import {INLINE_ADDRESSES} from './name-counters'
import {addresses, builder, clients, names, types} from './values'
import {
  answer,
  addressEnd,
  addressStart,
  clientEnd,
  clientStart,
  impliedType,
  local,
  MESSAGE_ANSWER,
  MESSAGE_LOCAL,
  MESSAGE_NOISE,
  MESSAGE_QUERY,
  MESSAGE_UNKNOWN,
  ANSWER_ADDRESS_V4,
  ANSWER_ADDRESS_V6,
  nameEnd,
  nameStart,
  parseMessage,
  TYPE_A,
  TYPE_AAAA,
  typeEnd,
  typeStart,
} from './message'
import {
  lineTime,
  linePid,
  lineSerial,
  lineShape,
  messageStart,
  parseExtraFields,
  parsePrefix,
  SHAPE_PLAIN,
  SHAPE_SYSLOG,
  TAG_DNSMASQ,
  TAG_FOREIGN,
  TAG_UNKNOWN,
} from './prefix'

// The constants the TypeScript side mirrors (src/ingest/scan-records.ts, and the outcome
// order of src/graph/types.ts), exported so that a test can compare them.
export {PENDING_WINDOW} from './builder'
export {
  OUTCOME_ADDRESS,
  OUTCOME_CNAME,
  OUTCOME_CONFIG,
  OUTCOME_DHCP,
  OUTCOME_HOSTS,
  OUTCOME_NODATA,
  OUTCOME_NXDOMAIN,
  OUTCOME_REFUSED,
  OUTCOME_UNANSWERED,
} from './builder'
export {CLIENT_LABEL_BITS, SLOT_STRIDE} from './name-counters'
export const NAME_RECORD: i32 = 5
export {SHAPE_JOURNALD, SHAPE_PLAIN, SHAPE_SYSLOG} from './prefix'

/** Bytes the TypeScript side may place in `input` at once. */
const INPUT_CAPACITY: i32 = 4 << 20
/** Records one `scan` call may write before it returns for them to be taken. */
export const RECORD_CAPACITY: i32 = 8192
export const RECORD_FIELDS: i32 = 8

// A record's kind (field 0).
/** A dnsmasq line whose message nobody recognised; FIELD_MESSAGE holds where it starts. */
export const RECORD_UNKNOWN: i32 = 1
/** A line of no known shape. */
export const RECORD_UNPARSED: i32 = 2

// Record fields, as 32-bit integers.
export const FIELD_LINE: i32 = 1
export const FIELD_START: i32 = 2
export const FIELD_END: i32 = 3
export const FIELD_SHAPE: i32 = 4
export const FIELD_SERIAL: i32 = 5
export const FIELD_MESSAGE: i32 = 6

export {internKey, keyScratch} from './keys'
export {
  VALUE_ADDRESS,
  VALUE_CLIENT,
  VALUE_KEY,
  VALUE_NAME,
  VALUE_TYPE,
  joinedPointer,
  joinValues,
  valueCount,
  valueLength,
  valuePointer,
} from './values'
export {
  addressPairs,
  clientPairs,
  cnamePairs,
  observedNames,
  outputPointer,
  slotRecords,
} from './scan-output'

const inputAt = <i32>heap.alloc(<usize>(INPUT_CAPACITY + 64))
const recordsAt = <i32>heap.alloc(<usize>(RECORD_CAPACITY * RECORD_FIELDS * 4))
let recordsUsed: i32 = 0

let lineCount: i32 = 0
let foreignCount: i32 = 0
let extraCount: i32 = 0
let plainCount: i32 = 0
let syslogCount: i32 = 0
let journaldCount: i32 = 0
/** Past the end of a worker's slice: only answers for the builder, nothing counted. */
let tail = false

// Query types A and AAAA are interned first, as TYPE_A and TYPE_AAAA.
store<u8>(<usize>inputAt, 0x41)
types.intern(inputAt, inputAt + 1)
store<u32>(<usize>inputAt, 0x41414141)
types.intern(inputAt, inputAt + 4)

export function input(): i32 {
  return inputAt
}

export function inputCapacity(): i32 {
  return INPUT_CAPACITY
}

export function records(): i32 {
  return recordsAt
}

/** Records written by the last scan call. */
export function recordCount(): i32 {
  return recordsUsed
}

/**
 * Scan the complete (newline-terminated) lines in `[start, end)`, stopping early when the
 * records are full.
 *
 * @returns Where the first line not scanned starts.
 */
export function scan(start: i32, end: i32): i32 {
  recordsUsed = 0
  let at = start
  while (recordsUsed < RECORD_CAPACITY) {
    const newline = indexOfByte(at, end, 0x0a)
    if (newline < 0) break
    scanLine(at, newline)
    at = newline + 1
  }
  return at
}

/** Scan `[start, end)` as the last line, which has no newline (a log cut off mid-write). */
export function scanLast(start: i32, end: i32): void {
  recordsUsed = 0
  // Parsers may look one byte past a line's end, where a newline always is.
  store<u8>(<usize>end, 0x0a)
  scanLine(start, end)
}

/** From now on, see `tail`. */
export function startTail(): void {
  tail = true
  builder.tail = true
}

/** Settle the builder's pending queries; call once after the last line. */
export function finish(): void {
  builder.finish()
}

/** Queries that counted. */
export function queries(): i32 {
  return builder.queries
}

export function lines(): i32 {
  return lineCount
}

export function foreignLines(): i32 {
  return foreignCount
}

export function extraLines(): i32 {
  return extraCount
}

/** dnsmasq lines of one SHAPE_*. */
export function shapeLines(shape: i32): i32 {
  return shape == SHAPE_PLAIN ? plainCount : shape == SHAPE_SYSLOG ? syslogCount : journaldCount
}

function scanLine(start: i32, end: i32): void {
  const line = ++lineCount
  if (end > start && byteAt(end - 1) == 0x0d) end--
  if (end == start) return
  const tag = parsePrefix(start, end)
  if (tag == TAG_DNSMASQ) {
    if (parseExtraFields(end)) {
      const kind = parseMessage(messageStart, end)
      if (tail) {
        if (kind != MESSAGE_UNKNOWN && kind != MESSAGE_NOISE) addMessage(kind, line)
        return
      }
      if (kind == MESSAGE_UNKNOWN) {
        // The noise lines dnsmasq writes (start-up, statistics …) are told apart on the other
        // side, which keeps their list.
        const record = addRecord(RECORD_UNKNOWN, line, start, end)
        store<i32>(<usize>(record + FIELD_MESSAGE * 4), messageStart)
        store<i32>(<usize>(record + FIELD_SHAPE * 4), lineShape)
        store<i32>(<usize>(record + FIELD_SERIAL * 4), lineSerial)
        return
      }
      countShape()
      if (kind != MESSAGE_NOISE) addMessage(kind, line)
      return
    }
  } else if (tag != TAG_UNKNOWN) {
    if (tag == TAG_FOREIGN && !tail) foreignCount++
    return
  } else if (byteAt(start) == 0x2d && byteAt(start + 1) == 0x2d) {
    // journalctl's `-- Boot … --` / `-- No entries --` markers.
    return
  }
  if (!tail) addRecord(RECORD_UNPARSED, line, start, end)
}

function countShape(): void {
  if (lineShape == SHAPE_PLAIN) plainCount++
  else if (lineShape == SHAPE_SYSLOG) syslogCount++
  else journaldCount++
  if (lineSerial >= 0) extraCount++
}

function addRecord(kind: i32, line: i32, start: i32, end: i32): i32 {
  const record = recordsAt + recordsUsed * RECORD_FIELDS * 4
  recordsUsed++
  store<i32>(<usize>record, kind)
  store<i32>(<usize>(record + FIELD_LINE * 4), line)
  store<i32>(<usize>(record + FIELD_START * 4), start)
  store<i32>(<usize>(record + FIELD_END * 4), end)
  return record
}

function addMessage(kind: i32, line: i32): void {
  let raw = -1
  let key = -1
  let record = -1
  let type = -1
  let client = -1
  let address = -1
  if (kind == MESSAGE_QUERY || kind == MESSAGE_ANSWER || kind == MESSAGE_LOCAL) {
    internName()
    raw = lastRaw
    key = lastKey
    record = lastRecord
    if (kind == MESSAGE_QUERY) {
      type = internType(typeStart, typeEnd)
      client = clients.intern(clientStart, clientEnd)
    } else if (answer == ANSWER_ADDRESS_V4 || answer == ANSWER_ADDRESS_V6) {
      address = addressOf()
    }
  }
  builder.add(
    kind,
    linePid,
    lineSerial,
    lineTime,
    line,
    raw,
    key,
    record,
    type,
    client,
    answer,
    address,
    local,
    impliedType,
  )
}

/**
 * The last message's name: its arena offset in the names interner, its graph key id and its
 * key's counters record (-1 for the root).
 */
let lastRaw: i32 = -1
let lastKey: i32 = -1
let lastRecord: i32 = -1

/**
 * Set lastRaw, lastKey and lastRecord for the message's name: mostly the name of the message
 * before (a query, then its answers). Each raw name's key is asked of the host once and kept
 * as the name's payload.
 */
function internName(): void {
  if (lastRaw >= 0 && names.holdsAt(lastRaw, nameStart, nameEnd)) return
  const id = names.intern(nameStart, nameEnd)
  lastRaw = names.found
  lastKey = names.payload()
  if (lastKey == NO_PAYLOAD) {
    lastKey = keyOfName(id, nameStart, nameEnd)
    names.setPayload(lastKey)
    lastRecord = builder.counters.attach(lastRaw, lastKey)
  } else lastRecord = builder.counters.recordOfRaw(lastRaw)
}

/**
 * The answer's address, as the address interner's record offset (the builder's address
 * handle, turned into an id for the scan state). A name's answers repeat the same few
 * addresses, so those in its record come first: the lookup of its name has just loaded the record.
 */
function addressOf(): i32 {
  const counters = builder.counters
  if (lastRecord >= 0 && counters.isObserved(lastRecord)) {
    const family = answer == ANSWER_ADDRESS_V6 ? 1 : 0
    for (let index = 0; index < INLINE_ADDRESSES; index++) {
      const known = counters.address(lastRecord, family, index)
      if (known < 0) break
      if (addresses.holdsAt(known, addressStart, addressEnd)) return known
    }
  }
  addresses.intern(addressStart, addressEnd)
  return addresses.found
}

/** Most queries are A or AAAA: skip hashing them. */
function internType(start: i32, end: i32): i32 {
  const length = end - start
  if (length == 1 && byteAt(start) == 0x41) return TYPE_A
  if (length == 4 && load<u32>(<usize>start) == 0x41414141) return TYPE_AAAA
  return types.intern(start, end)
}
