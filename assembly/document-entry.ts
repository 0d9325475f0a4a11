/**
 * One entry of a graph document's `names`, written from the merged scan state (slice-merger.ts)
 * in the layout `JSON.stringify(document, undefined, 2)` gives it: the fields in the order of
 * `documentView` (src/graph/document.ts), record keys and lists sorted as JavaScript sorts them
 * (text-order.ts), optional fields only when present. KEEP IN SYNC with `scanObservations`
 * (src/ingest/scan-state.ts) and `documentView`.
 */
import {
  literal,
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
  SliceMerger,
} from './slice-merger'
import {compareText, getInt, ranksOf, setInt} from './text-order'
import {IntArray, PairIndex} from './tables'

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

/** Writes the entries of one merged state: its values grouped by key, and their sort orders. */
export class EntryWriter {
  private readonly slots: Groups
  private readonly v4: Groups
  private readonly v6: Groups
  private readonly cnameTo: Groups
  private readonly cnameFrom: Groups
  private readonly clients: Groups
  /** Per id, its place in the document's order. */
  readonly keyRanks: i32
  private readonly typeRanks: i32
  private readonly labelRanks: i32

  /**
   * @param file The source file's name as a quoted JSON string: `[file, file + fileLength)`.
   * @param lineOffsets Per slice, the lines before it.
   */
  constructor(
    private readonly merger: SliceMerger,
    private readonly file: i32,
    private readonly fileLength: i32,
    private readonly lineOffsets: i32,
  ) {
    const keyCount = merger.keys.size
    this.slots = new Groups(keyCount, merger.slots.size, merger.slots.firsts, null)
    this.v4 = Groups.ofPairs(keyCount, merger.v4, false)
    this.v6 = Groups.ofPairs(keyCount, merger.v6, false)
    this.cnameTo = Groups.ofPairs(keyCount, merger.cnames, false)
    this.cnameFrom = Groups.ofPairs(keyCount, merger.cnames, true)
    this.clients = Groups.ofPairs(keyCount, merger.clients, false)
    this.keyRanks = ranksOf(merger.keys, false)
    this.typeRanks = ranksOf(merger.types, true)
    this.labelRanks = ranksOf(merger.labels, false)
  }

  /** The entry of an observed key: a new line at its depth, `"key": {…}`. */
  write(keyId: i32): void {
    const merger = this.merger
    writeNewline(2)
    writeValue(merger.keys, keyId)
    writeLiteral(OPEN_OBJECT)
    this.writeCounts(keyId)
    writeMember(3, ADDRESSES)
    writeMember(4, V4)
    this.writeAddresses(this.v4, keyId)
    writeByte(0x2c)
    writeMember(4, V6)
    this.writeAddresses(this.v6, keyId)
    writeMember(3, CLOSE_OBJECT_MEMBER)
    writeMember(3, CNAME_TO)
    this.writeKeys(this.cnameTo, keyId)
    writeByte(0x2c)
    writeMember(3, CNAME_FROM)
    this.writeKeys(this.cnameFrom, keyId)
    writeByte(0x2c)
    writeMember(3, CLIENTS)
    this.writeClients(keyId)
    writeByte(0x2c)
    const firstSeen = merger.name(keyId, FIELD_FIRST_SEEN)
    if (firstSeen >= 0) {
      writeMember(3, FIRST_SEEN)
      writeTime(firstSeen)
      writeByte(0x2c)
      writeMember(3, LAST_SEEN)
      writeTime(merger.name(keyId, FIELD_LAST_SEEN))
      writeByte(0x2c)
    }
    writeMember(3, PLACES)
    writeNewline(4)
    writeByte(0x7b)
    writeMember(5, FILE)
    writeBytes(this.file, this.fileLength)
    writeByte(0x2c)
    writeMember(5, LINE)
    const slice = merger.name(keyId, FIELD_SLICE)
    writeInteger(merger.name(keyId, FIELD_LINE) + getInt(this.lineOffsets, slice))
    writeNewline(4)
    writeByte(0x7d)
    writeMember(3, CLOSE_ARRAY_MEMBER)
    writeMember(3, RAW_NAMES)
    this.writeSpellings(keyId)
    writeByte(0x2c)
    writeMember(3, RUNS)
    writeNewline(2)
    writeByte(0x7d)
  }

  /** `"queries": {…},` and `"outcomes": {…},` of a name, its query types in their order. */
  private writeCounts(keyId: i32): void {
    const merger = this.merger
    const list = copyGroup(this.slots, keyId)
    const count = this.slots.end(keyId) - this.slots.start(keyId)
    // Slots are listed by type: their rank is their type's.
    sortByRank(list, count, this.typeRanks, merger.slots.seconds)
    writeMember(3, QUERIES)
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
    writeMember(3, OUTCOMES)
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

  private writeAddresses(groups: Groups, keyId: i32): void {
    const list = copyGroup(groups, keyId)
    const count = groups.end(keyId) - groups.start(keyId)
    const addresses = this.merger.addresses
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

  private writeKeys(groups: Groups, keyId: i32): void {
    const list = copyGroup(groups, keyId)
    const count = groups.end(keyId) - groups.start(keyId)
    sortByRank(list, count, this.keyRanks, null)
    writeList(list, count, this.merger.keys, 3)
  }

  /** The name's clients: its client bits' labels and its other labels, in label order. */
  private writeClients(keyId: i32): void {
    const groups = this.clients
    const bits = this.merger.name(keyId, FIELD_CLIENT_BITS)
    const more = groups.end(keyId) - groups.start(keyId)
    const list = scratchList(CLIENT_LABEL_BITS + more)
    let count = 0
    for (let label = 0; label < CLIENT_LABEL_BITS; label++) {
      if ((bits & (1 << label)) != 0) setInt(list, count++, label)
    }
    for (let index = groups.start(keyId); index < groups.end(keyId); index++) {
      setInt(list, count++, getInt(groups.items, index))
    }
    sortByRank(list, count, this.labelRanks, null)
    writeList(list, count, this.merger.labels, 3)
  }

  private writeSpellings(keyId: i32): void {
    const merger = this.merger
    const count = merger.spellingCount(keyId)
    const list = scratchList(count)
    for (let index = 0; index < count; index++) setInt(list, index, merger.spelling(keyId, index))
    writeList(list, count, merger.spellings, 3)
  }
}

/** Scratch list of ids for sorting one name's values. */
let scratch: i32 = allocateInts(64)
let scratchCapacity: i32 = 64

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

/** A new line at `depth` and the literal `name` (a member's name, or a bracket). */
function writeMember(depth: i32, name: i32): void {
  writeNewline(depth)
  writeLiteral(name)
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
