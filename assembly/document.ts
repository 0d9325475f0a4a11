/**
 * The `names` of a graph document, written from a scan state (src/ingest/scan-state.ts)
 * straight to UTF-8 text. It is what `serializeGraph` prints for the graph the same state
 * builds, byte for byte, without the tree, the observation objects and the big
 * `JSON.stringify` in between; on a log with tens of thousands of names that is most of the
 * time ingest spends after scanning. KEEP IN SYNC with `scanObservations`
 * (src/ingest/scan-state.ts) and `documentView` (src/graph/document.ts); a test compares both
 * ways on every fixture and on generated logs.
 *
 * The TypeScript side copies the state in with `allocate` and `setInput` (strings as UTF-8
 * texts, a newline after each), with the sort order of keys, query types and client labels as ranks,
 * since the document sorts them as JavaScript compares strings; addresses are compared here
 * byte by byte, which is the same order for the Latin-1 text they are.
 */
import {
  clearText,
  literal,
  textAt,
  textLength,
  writeByte,
  writeBytes,
  writeInteger,
  writeLiteral,
  writeNewline,
  writeString,
} from './json-text'

// Inputs, by number (setInput).
/** Texts, each value followed by a newline: keys, query types, addresses, labels, spellings. */
export const INPUT_KEYS: i32 = 0
export const INPUT_TYPES: i32 = 1
export const INPUT_ADDRESSES: i32 = 2
export const INPUT_LABELS: i32 = 3
export const INPUT_SPELLINGS: i32 = 4
/** Per id, the place of the key, query type or label in the document's order. */
export const INPUT_KEY_RANKS: i32 = 5
export const INPUT_TYPE_RANKS: i32 = 6
export const INPUT_LABEL_RANKS: i32 = 7
/** The scan state's arrays (NAME_RECORD or SLOT_STRIDE numbers, or pairs). */
export const INPUT_NAMES: i32 = 8
export const INPUT_SLOTS: i32 = 9
export const INPUT_V4: i32 = 10
export const INPUT_V6: i32 = 11
export const INPUT_CNAMES: i32 = 12
export const INPUT_CLIENTS: i32 = 13
/** (key id, number of spellings) per key with spellings, in the order of INPUT_SPELLINGS. */
export const INPUT_SPELLING_COUNTS: i32 = 14
/** The source file's name as a JSON string, quoted. */
export const INPUT_FILE: i32 = 15
const INPUTS: i32 = 16

const NAME_RECORD: i32 = 5
const SLOT_STRIDE: i32 = 12
const CLIENT_LABEL_BITS: i32 = 32

/** The outcome names in alphabetical order, as indexes into the graph's OUTCOMES. */
const OUTCOME_ORDER: StaticArray<i32> = [0, 1, 6, 8, 7, 3, 2, 4, 5]
/** Each outcome's member name, by index into OUTCOMES. */
const OUTCOME_MEMBERS: StaticArray<i32> = [
  literal('"address": '),
  literal('"cname": '),
  literal('"nxdomain": '),
  literal('"nodata": '),
  literal('"refused": '),
  literal('"unanswered": '),
  literal('"config": '),
  literal('"hosts": '),
  literal('"dhcp": '),
]

// The document's other literals.
const COLON = literal(': ')
const OPEN_OBJECT = literal(': {')
const QUERIES = literal('"queries": {')
const OUTCOMES = literal('"outcomes": {')
const ADDRESSES = literal('"addresses": {')
const V4 = literal('"v4": ')
const V6 = literal('"v6": ')
const CLOSE_OBJECT_MEMBER = literal('},')
const CNAME_TO = literal('"cnameTo": ')
const CNAME_FROM = literal('"cnameFrom": ')
const CLIENTS = literal('"clients": ')
const FIRST_SEEN = literal('"firstSeen": ')
const LAST_SEEN = literal('"lastSeen": ')
const PLACES = literal('"places": [')
const FILE = literal('"file": ')
const LINE = literal('"line": ')
const CLOSE_ARRAY_MEMBER = literal('],')
const RAW_NAMES = literal('"rawNames": ')
const RUNS = literal('"runs": 1')
const EMPTY_ARRAY = literal('[]')
const TIME_START = literal('"--')

const SECONDS_PER_DAY: i32 = 86_400
const SECONDS_PER_MONTH: i32 = 31 * SECONDS_PER_DAY

const pointers = new StaticArray<i32>(INPUTS)
/** Bytes (texts, the file) or numbers (arrays) of each input. */
const counts = new StaticArray<i32>(INPUTS)

/** Room for an input of `bytes` (and sixteen more, see writeString): its address. */
export function allocate(bytes: i32): i32 {
  return <i32>heap.alloc(<usize>(bytes + 16))
}

export function setInput(input: i32, pointer: i32, count: i32): void {
  pointers[input] = pointer
  counts[input] = count
}

export function text(): i32 {
  return textAt()
}

/** A table of strings: where each starts and ends in an input text, a newline after each. */
class Strings {
  starts: i32
  ends: i32
  count: i32 = 0

  constructor(input: i32) {
    const start = pointers[input]
    const end = start + counts[input]
    let count = 0
    for (let at = start; at < end; at++) if (load<u8>(<usize>at) == 0x0a) count++
    this.count = count
    this.starts = allocateInts(count)
    this.ends = allocateInts(count)
    let id = 0
    let from = start
    for (let at = start; at < end; at++) {
      if (load<u8>(<usize>at) != 0x0a) continue
      setInt(this.starts, id, from)
      setInt(this.ends, id, at)
      id++
      from = at + 1
    }
  }

  write(id: i32): void {
    const start = getInt(this.starts, id)
    writeString(start, getInt(this.ends, id) - start)
  }

  /** Whether string `a` sorts before string `b`, byte by byte. */
  before(a: i32, b: i32): bool {
    const aStart = getInt(this.starts, a)
    const bStart = getInt(this.starts, b)
    const aLength = getInt(this.ends, a) - aStart
    const bLength = getInt(this.ends, b) - bStart
    const length = min(aLength, bLength)
    for (let index = 0; index < length; index++) {
      const difference =
        <i32>load<u8>(<usize>(aStart + index)) - <i32>load<u8>(<usize>(bStart + index))
      if (difference != 0) return difference < 0
    }
    return aLength < bLength
  }
}

/**
 * The seconds of a (key, value) pair array grouped by key, as in compressed sparse rows: the
 * values of key k are items[offsets[k] … offsets[k + 1]).
 */
class Groups {
  offsets: i32
  items: i32

  /**
   * @param input The pairs (or records of `stride` numbers).
   * @param keyField Which number of a record is its key.
   * @param valueField Which is its value; -1 for the record's own index.
   */
  constructor(input: i32, keyCount: i32, stride: i32, keyField: i32, valueField: i32) {
    const records = counts[input] / stride
    const pointer = pointers[input]
    this.offsets = allocateInts(keyCount + 1)
    memory.fill(<usize>this.offsets, 0, <usize>((keyCount + 1) * 4))
    for (let record = 0; record < records; record++) {
      const key = getInt(pointer, record * stride + keyField)
      setInt(this.offsets, key + 1, getInt(this.offsets, key + 1) + 1)
    }
    for (let key = 0; key < keyCount; key++) {
      setInt(this.offsets, key + 1, getInt(this.offsets, key + 1) + getInt(this.offsets, key))
    }
    this.items = allocateInts(records)
    const next = allocateInts(keyCount)
    memory.copy(<usize>next, <usize>this.offsets, <usize>(keyCount * 4))
    for (let record = 0; record < records; record++) {
      const key = getInt(pointer, record * stride + keyField)
      const at = getInt(next, key)
      setInt(next, key, at + 1)
      setInt(
        this.items,
        at,
        valueField < 0 ? record : getInt(pointer, record * stride + valueField),
      )
    }
    heap.free(<usize>next)
  }

  start(key: i32): i32 {
    return getInt(this.offsets, key)
  }

  end(key: i32): i32 {
    return getInt(this.offsets, key + 1)
  }
}

/** Scratch list of ids for sorting one name's values. */
let scratch: i32 = allocateInts(64)
let scratchCapacity: i32 = 64

/**
 * Write the entries of the document's `names` record, `,` between them, each on a new line at
 * its depth; nothing when no name was observed.
 *
 * @returns The text's length in bytes (its address: `text`).
 */
export function writeNames(): i32 {
  clearText()
  const keys = new Strings(INPUT_KEYS)
  const types = new Strings(INPUT_TYPES)
  const addresses = new Strings(INPUT_ADDRESSES)
  const labels = new Strings(INPUT_LABELS)
  const spellings = new Strings(INPUT_SPELLINGS)
  const keyCount = keys.count
  const slots = new Groups(INPUT_SLOTS, keyCount, SLOT_STRIDE, 0, -1)
  const v4 = new Groups(INPUT_V4, keyCount, 2, 0, 1)
  const v6 = new Groups(INPUT_V6, keyCount, 2, 0, 1)
  const cnameTo = new Groups(INPUT_CNAMES, keyCount, 2, 0, 1)
  const cnameFrom = new Groups(INPUT_CNAMES, keyCount, 2, 1, 0)
  const clients = new Groups(INPUT_CLIENTS, keyCount, 2, 0, 1)
  const spelled = spellingRanges(keyCount)

  // The names in key order: a key's rank is its place.
  const names = pointers[INPUT_NAMES]
  const nameCount = counts[INPUT_NAMES] / NAME_RECORD
  const byRank = allocateInts(keyCount)
  memory.fill(<usize>byRank, 0xff, <usize>(keyCount * 4))
  for (let name = 0; name < nameCount; name++) {
    const keyId = getInt(names, name * NAME_RECORD)
    setInt(byRank, getInt(pointers[INPUT_KEY_RANKS], keyId), name)
  }
  let first = true
  for (let rank = 0; rank < keyCount; rank++) {
    const name = getInt(byRank, rank)
    if (name < 0) continue
    if (!first) writeByte(0x2c)
    first = false
    const record = names + name * NAME_RECORD * 4
    const keyId = getInt(record, 0)
    writeNewline(2)
    keys.write(keyId)
    writeLiteral(OPEN_OBJECT)
    writeCounts(slots, keyId, types)
    writeNewline(3)
    writeLiteral(ADDRESSES)
    writeNewline(4)
    writeLiteral(V4)
    writeAddresses(v4, keyId, addresses)
    writeByte(0x2c)
    writeNewline(4)
    writeLiteral(V6)
    writeAddresses(v6, keyId, addresses)
    writeNewline(3)
    writeLiteral(CLOSE_OBJECT_MEMBER)
    writeNewline(3)
    writeLiteral(CNAME_TO)
    writeKeys(cnameTo, keyId, keys)
    writeByte(0x2c)
    writeNewline(3)
    writeLiteral(CNAME_FROM)
    writeKeys(cnameFrom, keyId, keys)
    writeByte(0x2c)
    writeNewline(3)
    writeLiteral(CLIENTS)
    writeClients(clients, keyId, getInt(record, 4), labels)
    writeByte(0x2c)
    const firstSeen = getInt(record, 2)
    if (firstSeen >= 0) {
      writeNewline(3)
      writeLiteral(FIRST_SEEN)
      writeTime(firstSeen)
      writeByte(0x2c)
      writeNewline(3)
      writeLiteral(LAST_SEEN)
      writeTime(getInt(record, 3))
      writeByte(0x2c)
    }
    writeNewline(3)
    writeLiteral(PLACES)
    writeNewline(4)
    writeByte(0x7b)
    writeNewline(5)
    writeLiteral(FILE)
    writeBytes(pointers[INPUT_FILE], counts[INPUT_FILE])
    writeByte(0x2c)
    writeNewline(5)
    writeLiteral(LINE)
    writeInteger(getInt(record, 1))
    writeNewline(4)
    writeByte(0x7d)
    writeNewline(3)
    writeLiteral(CLOSE_ARRAY_MEMBER)
    writeNewline(3)
    writeLiteral(RAW_NAMES)
    writeSpellings(spelled, keyId, spellings)
    writeByte(0x2c)
    writeNewline(3)
    writeLiteral(RUNS)
    writeNewline(2)
    writeByte(0x7d)
  }
  return textLength()
}

/** `"queries": {…},` and `"outcomes": {…},` of a name, its query types in their order. */
function writeCounts(slots: Groups, keyId: i32, types: Strings): void {
  const state = pointers[INPUT_SLOTS]
  const start = slots.start(keyId)
  const count = slots.end(keyId) - start
  const list = scratchList(count)
  for (let index = 0; index < count; index++) {
    setInt(list, index, getInt(slots.items, start + index))
  }
  sortByRank(list, count, state, pointers[INPUT_TYPE_RANKS])
  writeNewline(3)
  writeLiteral(QUERIES)
  let members = 0
  for (let index = 0; index < count; index++) {
    const slot = state + getInt(list, index) * SLOT_STRIDE * 4
    const queries = getInt(slot, 2)
    if (queries <= 0) continue
    if (members++ > 0) writeByte(0x2c)
    writeNewline(4)
    types.write(getInt(slot, 1))
    writeLiteral(COLON)
    writeInteger(queries)
  }
  closeObject(members, 3)
  writeByte(0x2c)
  writeNewline(3)
  writeLiteral(OUTCOMES)
  members = 0
  for (let index = 0; index < count; index++) {
    const slot = state + getInt(list, index) * SLOT_STRIDE * 4
    let outcomes = 0
    for (let order = 0; order < OUTCOME_ORDER.length; order++) {
      const times = getInt(slot, 3 + OUTCOME_ORDER[order])
      if (times <= 0) continue
      if (outcomes++ == 0) {
        if (members++ > 0) writeByte(0x2c)
        writeNewline(4)
        types.write(getInt(slot, 1))
        writeLiteral(OPEN_OBJECT)
      } else writeByte(0x2c)
      writeNewline(5)
      writeLiteral(OUTCOME_MEMBERS[OUTCOME_ORDER[order]])
      writeInteger(times)
    }
    if (outcomes > 0) {
      writeNewline(4)
      writeByte(0x7d)
    }
  }
  closeObject(members, 3)
  writeByte(0x2c)
}

/** `}` after `members` members at `depth` + 1, or the rest of an empty `{}`. */
function closeObject(members: i32, depth: i32): void {
  if (members > 0) writeNewline(depth)
  writeByte(0x7d)
}

/** The array `[…]` of `count` strings listed by `write`, at depth `depth`. */
function writeList(list: i32, count: i32, strings: Strings, depth: i32): void {
  if (count == 0) {
    writeLiteral(EMPTY_ARRAY)
    return
  }
  writeByte(0x5b)
  for (let index = 0; index < count; index++) {
    if (index > 0) writeByte(0x2c)
    writeNewline(depth + 1)
    strings.write(getInt(list, index))
  }
  writeNewline(depth)
  writeByte(0x5d)
}

function writeAddresses(groups: Groups, keyId: i32, addresses: Strings): void {
  const list = copyGroup(groups, keyId)
  const count = groups.end(keyId) - groups.start(keyId)
  // Insertion sort: a name has a few addresses.
  for (let index = 1; index < count; index++) {
    const value = getInt(list, index)
    let at = index
    while (at > 0 && addresses.before(value, getInt(list, at - 1))) {
      setInt(list, at, getInt(list, at - 1))
      at--
    }
    setInt(list, at, value)
  }
  writeList(list, count, addresses, 4)
}

function writeKeys(groups: Groups, keyId: i32, keys: Strings): void {
  const list = copyGroup(groups, keyId)
  const count = groups.end(keyId) - groups.start(keyId)
  sortByRank(list, count, 0, pointers[INPUT_KEY_RANKS])
  writeList(list, count, keys, 3)
}

/** The name's clients: its client bits' labels and its other labels, in label order. */
function writeClients(groups: Groups, keyId: i32, bits: i32, labels: Strings): void {
  const more = groups.end(keyId) - groups.start(keyId)
  const list = scratchList(CLIENT_LABEL_BITS + more)
  let count = 0
  for (let label = 0; label < CLIENT_LABEL_BITS; label++) {
    if ((bits & (1 << label)) != 0) setInt(list, count++, label)
  }
  for (let index = groups.start(keyId); index < groups.end(keyId); index++) {
    setInt(list, count++, getInt(groups.items, index))
  }
  sortByRank(list, count, 0, pointers[INPUT_LABEL_RANKS])
  writeList(list, count, labels, 3)
}

/** Per key, where its spellings start among INPUT_SPELLINGS and how many it has. */
function spellingRanges(keyCount: i32): i32 {
  const ranges = allocateInts(keyCount * 2)
  memory.fill(<usize>ranges, 0, <usize>(keyCount * 8))
  const entries = pointers[INPUT_SPELLING_COUNTS]
  let next = 0
  for (let entry = 0; entry < counts[INPUT_SPELLING_COUNTS] / 2; entry++) {
    const keyId = getInt(entries, entry * 2)
    const count = getInt(entries, entry * 2 + 1)
    setInt(ranges, keyId * 2, next)
    setInt(ranges, keyId * 2 + 1, count)
    next += count
  }
  return ranges
}

function writeSpellings(ranges: i32, keyId: i32, spellings: Strings): void {
  const start = getInt(ranges, keyId * 2)
  const count = getInt(ranges, keyId * 2 + 1)
  const list = scratchList(count)
  for (let index = 0; index < count; index++) setInt(list, index, start + index)
  writeList(list, count, spellings, 3)
}

/** `"--MM-DDThh:mm:ss"` of a scanned time (src/ingest/format-time.ts). */
function writeTime(time: i32): void {
  const month = time / SECONDS_PER_MONTH
  const day = (time % SECONDS_PER_MONTH) / SECONDS_PER_DAY
  const seconds = time % SECONDS_PER_DAY
  writeLiteral(TIME_START)
  writeTwoDigits(month + 1)
  writeByte(0x2d)
  writeTwoDigits(day + 1)
  writeByte(0x54)
  writeTwoDigits(seconds / 3600)
  writeByte(0x3a)
  writeTwoDigits((seconds % 3600) / 60)
  writeByte(0x3a)
  writeTwoDigits(seconds % 60)
  writeByte(0x22)
}

function writeTwoDigits(value: i32): void {
  if (value < 10) writeByte(0x30)
  writeInteger(value)
}

/** A group's values, copied into the scratch list. */
function copyGroup(groups: Groups, keyId: i32): i32 {
  const start = groups.start(keyId)
  const count = groups.end(keyId) - start
  const list = scratchList(count)
  memory.copy(<usize>list, <usize>(groups.items + start * 4), <usize>(count * 4))
  return list
}

/**
 * Sort a list by rank, ranks[id] for each id; with `records` set, the ids are slot records
 * whose second number is the ranked id.
 */
function sortByRank(list: i32, count: i32, records: i32, ranks: i32): void {
  for (let index = 1; index < count; index++) {
    const value = getInt(list, index)
    const rank = rankOf(value, records, ranks)
    let at = index
    while (at > 0 && rankOf(getInt(list, at - 1), records, ranks) > rank) {
      setInt(list, at, getInt(list, at - 1))
      at--
    }
    setInt(list, at, value)
  }
}

function rankOf(value: i32, records: i32, ranks: i32): i32 {
  const id = records == 0 ? value : getInt(records, value * SLOT_STRIDE + 1)
  return getInt(ranks, id)
}

/** The scratch list, with room for `count` ids. */
function scratchList(count: i32): i32 {
  if (count > scratchCapacity) {
    heap.free(<usize>scratch)
    while (scratchCapacity < count) scratchCapacity *= 2
    scratch = allocateInts(scratchCapacity)
  }
  return scratch
}

function allocateInts(count: i32): i32 {
  return <i32>heap.alloc(<usize>(max(count, 1) * 4))
}

function getInt(pointer: i32, index: i32): i32 {
  return load<i32>(<usize>(pointer + index * 4))
}

function setInt(pointer: i32, index: i32, value: i32): void {
  store<i32>(<usize>(pointer + index * 4), value)
}
