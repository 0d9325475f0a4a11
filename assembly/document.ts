/**
 * The `names` of a graph document, written from the scan states of a log's slices straight to
 * UTF-8 text: what `serializeGraph` prints for the graph those states build, byte for byte,
 * without the tree, the observation objects and the big `JSON.stringify` in between; on a log
 * with tens of thousands of names that is most of the time ingest spends after scanning. KEEP IN
 * SYNC with `scanObservations` (src/ingest/scan-state.ts) and `documentView`
 * (src/graph/document.ts); a test compares both ways on every fixture and on generated logs.
 *
 * The TypeScript side (src/ingest/document-names.ts) copies each slice's state in with
 * `allocate` and `setInput`, and `addSlice` merges it (slice-merger.ts); `writeNames` then
 * writes the entries, names and every list sorted as the document sorts them (text-order.ts).
 */
import {
  clearText,
  literal,
  reserveText,
  textAt,
  textLength,
  writeByte,
  writeBytes,
  writeInteger,
  writeLiteral,
  writeNewline,
  writeString,
} from './json-text'
import {Interner} from './interner'
import {
  CLIENT_LABEL_BITS,
  COUNTS,
  FIELD_CLIENT_BITS,
  FIELD_FIRST_SEEN,
  FIELD_LAST_SEEN,
  FIELD_LINE,
  FIELD_SLICE,
  SliceInput,
  SliceMerger,
} from './slice-merger'
import {compareText, getInt, ranksOf, setInt} from './text-order'
import {IntArray, PairIndex} from './tables'

// Inputs, by number (setInput). A slice's texts hold each value followed by a newline.
export const INPUT_KEYS: i32 = 0
export const INPUT_TYPES: i32 = 1
export const INPUT_ADDRESSES: i32 = 2
export const INPUT_LABELS: i32 = 3
export const INPUT_SPELLINGS: i32 = 4
/** (key id, number of spellings) per key with spellings, in the order of INPUT_SPELLINGS. */
export const INPUT_SPELLING_COUNTS: i32 = 5
/** The slice's arrays (NAME_RECORD or SLOT_STRIDE numbers, or pairs). */
export const INPUT_NAMES: i32 = 6
export const INPUT_SLOTS: i32 = 7
export const INPUT_V4: i32 = 8
export const INPUT_V6: i32 = 9
export const INPUT_CNAMES: i32 = 10
export const INPUT_CLIENTS: i32 = 11
/** For writeNames: per slice, the lines before it; the source file's name, a quoted JSON string. */
export const INPUT_LINE_OFFSETS: i32 = 12
export const INPUT_FILE: i32 = 13
const INPUTS: i32 = 14

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

const merger = new SliceMerger()

/** Merge the slice whose state the inputs hold; slices may come in any order. */
export function addSlice(slice: i32): void {
  const input = new SliceInput()
  input.keys = pointers[INPUT_KEYS]
  input.keysLength = counts[INPUT_KEYS]
  input.types = pointers[INPUT_TYPES]
  input.typesLength = counts[INPUT_TYPES]
  input.addresses = pointers[INPUT_ADDRESSES]
  input.addressesLength = counts[INPUT_ADDRESSES]
  input.labels = pointers[INPUT_LABELS]
  input.labelsLength = counts[INPUT_LABELS]
  input.spellings = pointers[INPUT_SPELLINGS]
  input.spellingsLength = counts[INPUT_SPELLINGS]
  input.spellingCounts = pointers[INPUT_SPELLING_COUNTS]
  input.spellingCountsLength = counts[INPUT_SPELLING_COUNTS]
  input.names = pointers[INPUT_NAMES]
  input.namesLength = counts[INPUT_NAMES]
  input.slots = pointers[INPUT_SLOTS]
  input.slotsLength = counts[INPUT_SLOTS]
  input.v4 = pointers[INPUT_V4]
  input.v4Length = counts[INPUT_V4]
  input.v6 = pointers[INPUT_V6]
  input.v6Length = counts[INPUT_V6]
  input.cnames = pointers[INPUT_CNAMES]
  input.cnamesLength = counts[INPUT_CNAMES]
  input.clients = pointers[INPUT_CLIENTS]
  input.clientsLength = counts[INPUT_CLIENTS]
  merger.add(input, slice)
}

/** How many observed names were asked for in a query line. */
export function queriedNames(): i32 {
  const keyCount = merger.keys.size
  const queried = allocateInts(keyCount)
  memory.fill(<usize>queried, 0, <usize>(keyCount * 4))
  for (let slot = 0; slot < merger.slots.size; slot++) {
    if (merger.counts.get(slot * COUNTS) > 0) setInt(queried, merger.slots.firsts.get(slot), 1)
  }
  let names = 0
  for (let key = 0; key < keyCount; key++) {
    if (merger.isObserved(key) && getInt(queried, key) != 0) names++
  }
  heap.free(<usize>queried)
  return names
}

/**
 * The values of (key, value) pairs grouped by key, as in compressed sparse rows: the values of
 * key k are items[offsets[k] … offsets[k + 1]).
 */
class Groups {
  offsets: i32
  items: i32

  /**
   * @param keys The pairs' keys (one number each).
   * @param values Their values, or null for each pair's own index.
   */
  constructor(keyCount: i32, count: i32, keys: IntArray, values: IntArray | null) {
    this.offsets = allocateInts(keyCount + 1)
    memory.fill(<usize>this.offsets, 0, <usize>((keyCount + 1) * 4))
    for (let pair = 0; pair < count; pair++) {
      const key = keys.get(pair)
      setInt(this.offsets, key + 1, getInt(this.offsets, key + 1) + 1)
    }
    for (let key = 0; key < keyCount; key++) {
      setInt(this.offsets, key + 1, getInt(this.offsets, key + 1) + getInt(this.offsets, key))
    }
    this.items = allocateInts(count)
    const next = allocateInts(keyCount)
    memory.copy(<usize>next, <usize>this.offsets, <usize>(keyCount * 4))
    for (let pair = 0; pair < count; pair++) {
      const key = keys.get(pair)
      const at = getInt(next, key)
      setInt(next, key, at + 1)
      setInt(this.items, at, values ? values.get(pair) : pair)
    }
    heap.free(<usize>next)
  }

  /** Group by first member, values the second; `reversed`: by second, values the first. */
  static ofPairs(keyCount: i32, pairs: PairIndex, reversed: bool): Groups {
    return reversed
      ? new Groups(keyCount, pairs.size, pairs.seconds, pairs.firsts)
      : new Groups(keyCount, pairs.size, pairs.firsts, pairs.seconds)
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
  const keyCount = merger.keys.size
  // About what a name's entry takes: the text then grows once, if at all.
  reserveText(keyCount * 1024)
  const slots = new Groups(keyCount, merger.slots.size, merger.slots.firsts, null)
  const v4 = Groups.ofPairs(keyCount, merger.v4, false)
  const v6 = Groups.ofPairs(keyCount, merger.v6, false)
  const cnameTo = Groups.ofPairs(keyCount, merger.cnames, false)
  const cnameFrom = Groups.ofPairs(keyCount, merger.cnames, true)
  const clients = Groups.ofPairs(keyCount, merger.clients, false)
  const keyRanks = ranksOf(merger.keys, false)
  const typeRanks = ranksOf(merger.types, true)
  const labelRanks = ranksOf(merger.labels, false)
  const lineOffsets = pointers[INPUT_LINE_OFFSETS]

  // The names in key order: a key's rank is its place.
  const byRank = allocateInts(keyCount)
  for (let key = 0; key < keyCount; key++) setInt(byRank, getInt(keyRanks, key), key)
  let first = true
  for (let rank = 0; rank < keyCount; rank++) {
    const keyId = getInt(byRank, rank)
    if (!merger.isObserved(keyId)) continue
    if (!first) writeByte(0x2c)
    first = false
    writeNewline(2)
    writeValue(merger.keys, keyId)
    writeLiteral(OPEN_OBJECT)
    writeCounts(slots, keyId, typeRanks)
    writeNewline(3)
    writeLiteral(ADDRESSES)
    writeNewline(4)
    writeLiteral(V4)
    writeAddresses(v4, keyId)
    writeByte(0x2c)
    writeNewline(4)
    writeLiteral(V6)
    writeAddresses(v6, keyId)
    writeNewline(3)
    writeLiteral(CLOSE_OBJECT_MEMBER)
    writeNewline(3)
    writeLiteral(CNAME_TO)
    writeKeys(cnameTo, keyId, keyRanks)
    writeByte(0x2c)
    writeNewline(3)
    writeLiteral(CNAME_FROM)
    writeKeys(cnameFrom, keyId, keyRanks)
    writeByte(0x2c)
    writeNewline(3)
    writeLiteral(CLIENTS)
    writeClients(clients, keyId, merger.name(keyId, FIELD_CLIENT_BITS), labelRanks)
    writeByte(0x2c)
    const firstSeen = merger.name(keyId, FIELD_FIRST_SEEN)
    if (firstSeen >= 0) {
      writeNewline(3)
      writeLiteral(FIRST_SEEN)
      writeTime(firstSeen)
      writeByte(0x2c)
      writeNewline(3)
      writeLiteral(LAST_SEEN)
      writeTime(merger.name(keyId, FIELD_LAST_SEEN))
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
    const slice = merger.name(keyId, FIELD_SLICE)
    writeInteger(merger.name(keyId, FIELD_LINE) + getInt(lineOffsets, slice))
    writeNewline(4)
    writeByte(0x7d)
    writeNewline(3)
    writeLiteral(CLOSE_ARRAY_MEMBER)
    writeNewline(3)
    writeLiteral(RAW_NAMES)
    writeSpellings(keyId)
    writeByte(0x2c)
    writeNewline(3)
    writeLiteral(RUNS)
    writeNewline(2)
    writeByte(0x7d)
  }
  return textLength()
}

/** `"queries": {…},` and `"outcomes": {…},` of a name, its query types in their order. */
function writeCounts(slots: Groups, keyId: i32, typeRanks: i32): void {
  const start = slots.start(keyId)
  const count = slots.end(keyId) - start
  const list = scratchList(count)
  for (let index = 0; index < count; index++) {
    setInt(list, index, getInt(slots.items, start + index))
  }
  // Slots are listed by type: their rank is their type's.
  sortByRank(list, count, typeRanks, merger.slots.seconds)
  writeNewline(3)
  writeLiteral(QUERIES)
  let members = 0
  for (let index = 0; index < count; index++) {
    const slot = getInt(list, index)
    const queries = merger.counts.get(slot * COUNTS)
    if (queries <= 0) continue
    if (members++ > 0) writeByte(0x2c)
    writeNewline(4)
    writeValue(merger.types, merger.slots.seconds.get(slot))
    writeLiteral(COLON)
    writeInteger(queries)
  }
  closeObject(members, 3)
  writeByte(0x2c)
  writeNewline(3)
  writeLiteral(OUTCOMES)
  members = 0
  for (let index = 0; index < count; index++) {
    const slot = getInt(list, index)
    let outcomes = 0
    for (let order = 0; order < OUTCOME_ORDER.length; order++) {
      const times = merger.counts.get(slot * COUNTS + 1 + OUTCOME_ORDER[order])
      if (times <= 0) continue
      if (outcomes++ == 0) {
        if (members++ > 0) writeByte(0x2c)
        writeNewline(4)
        writeValue(merger.types, merger.slots.seconds.get(slot))
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

/** An interned value as a JSON string. */
function writeValue(values: Interner, id: i32): void {
  writeString(values.pointer(id), values.length(id))
}

/** The array `[…]` of `count` values of `values` listed by id, at depth `depth`. */
function writeList(list: i32, count: i32, values: Interner, depth: i32): void {
  if (count == 0) {
    writeLiteral(EMPTY_ARRAY)
    return
  }
  writeByte(0x5b)
  for (let index = 0; index < count; index++) {
    if (index > 0) writeByte(0x2c)
    writeNewline(depth + 1)
    writeValue(values, getInt(list, index))
  }
  writeNewline(depth)
  writeByte(0x5d)
}

function writeAddresses(groups: Groups, keyId: i32): void {
  const list = copyGroup(groups, keyId)
  const count = groups.end(keyId) - groups.start(keyId)
  const addresses = merger.addresses
  // Insertion sort: a name has a few addresses.
  for (let index = 1; index < count; index++) {
    const value = getInt(list, index)
    let at = index
    while (at > 0) {
      const before = getInt(list, at - 1)
      const order = compareText(
        addresses.pointer(value),
        addresses.length(value),
        addresses.pointer(before),
        addresses.length(before),
      )
      if (order >= 0) break
      setInt(list, at, before)
      at--
    }
    setInt(list, at, value)
  }
  writeList(list, count, addresses, 4)
}

function writeKeys(groups: Groups, keyId: i32, keyRanks: i32): void {
  const list = copyGroup(groups, keyId)
  const count = groups.end(keyId) - groups.start(keyId)
  sortByRank(list, count, keyRanks, null)
  writeList(list, count, merger.keys, 3)
}

/** The name's clients: its client bits' labels and its other labels, in label order. */
function writeClients(groups: Groups, keyId: i32, bits: i32, labelRanks: i32): void {
  const more = groups.end(keyId) - groups.start(keyId)
  const list = scratchList(CLIENT_LABEL_BITS + more)
  let count = 0
  for (let label = 0; label < CLIENT_LABEL_BITS; label++) {
    if ((bits & (1 << label)) != 0) setInt(list, count++, label)
  }
  for (let index = groups.start(keyId); index < groups.end(keyId); index++) {
    setInt(list, count++, getInt(groups.items, index))
  }
  sortByRank(list, count, labelRanks, null)
  writeList(list, count, merger.labels, 3)
}

function writeSpellings(keyId: i32): void {
  const count = merger.spellingCount(keyId)
  const list = scratchList(count)
  for (let index = 0; index < count; index++) setInt(list, index, merger.spelling(keyId, index))
  writeList(list, count, merger.spellings, 3)
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
  for (let index = 0; index < count; index++) {
    setInt(list, index, getInt(groups.items, start + index))
  }
  return list
}

/**
 * Sort a list of ids by rank, ranks[id] for each id; with `ranked` set, ranks[ranked[id]].
 */
function sortByRank(list: i32, count: i32, ranks: i32, ranked: IntArray | null): void {
  for (let index = 1; index < count; index++) {
    const value = getInt(list, index)
    const rank = getInt(ranks, ranked ? ranked.get(value) : value)
    let at = index
    while (at > 0) {
      const before = getInt(list, at - 1)
      if (getInt(ranks, ranked ? ranked.get(before) : before) <= rank) break
      setInt(list, at, before)
      at--
    }
    setInt(list, at, value)
  }
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
