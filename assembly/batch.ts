/**
 * Parsed dnsmasq messages on their way to the builder. The scanner queues each message it
 * parses; `flush` hands them over in order, after loading what they will look up for all of
 * them at once: on a log with tens of thousands of names a query's name is rarely in the
 * cache, and its table slot, then its record, are two loads that each wait for memory. One
 * message at a time those waits add up; a batch's loads are independent of each other, so
 * the processor overlaps them.
 */
import {sameBytes} from './bytes'
import {keyOf} from './host'
import {NO_PAYLOAD} from './interner'
import {
  ANSWER_ADDRESS_V4,
  ANSWER_ADDRESS_V6,
  MESSAGE_ANSWER,
  MESSAGE_LOCAL,
  MESSAGE_QUERY,
  TYPE_A,
  TYPE_AAAA,
  addressEnd,
  addressStart,
  answer,
  clientEnd,
  clientStart,
  impliedType,
  local,
  nameEnd,
  nameStart,
  typeEnd,
  typeStart,
} from './message'
import {INLINE_ADDRESSES} from './name-counters'
import {linePid, lineSerial, lineTime} from './prefix'
import {addresses, builder, clients, names, types} from './values'

/** Messages queued before they are handed over. */
const CAPACITY: i32 = 64

// An entry's fields, as 32-bit integers: the message's kind, line and prefix, the byte ranges
// message.ts found, and, for names, their hash and the arena offset their slot held.
const KIND: i32 = 0
const LINE: i32 = 1
const TIME: i32 = 2
const PID: i32 = 3
const SERIAL: i32 = 4
const NAME_START: i32 = 5
const NAME_END: i32 = 6
const TYPE_START: i32 = 7
const TYPE_END: i32 = 8
const CLIENT_START: i32 = 9
const CLIENT_END: i32 = 10
const ANSWER: i32 = 11
const ADDRESS_START: i32 = 12
const ADDRESS_END: i32 = 13
const LOCAL: i32 = 14
const IMPLIED: i32 = 15
const HASH: i32 = 16
const FOUND: i32 = 17
const FIELDS: i32 = 18

const entries = <i32>heap.alloc(<usize>(CAPACITY * FIELDS * 4))
let queued: i32 = 0

/**
 * Queue the message message.ts and prefix.ts have just parsed; a full batch is handed over.
 *
 * @param kind Its MESSAGE_* kind (neither unknown nor noise).
 * @param line Its line number.
 */
export function enqueue(kind: i32, line: i32): void {
  const entry = entries + queued * FIELDS * 4
  queued++
  set(entry, KIND, kind)
  set(entry, LINE, line)
  set(entry, TIME, lineTime)
  set(entry, PID, linePid)
  set(entry, SERIAL, lineSerial)
  set(entry, NAME_START, nameStart)
  set(entry, NAME_END, nameEnd)
  set(entry, TYPE_START, typeStart)
  set(entry, TYPE_END, typeEnd)
  set(entry, CLIENT_START, clientStart)
  set(entry, CLIENT_END, clientEnd)
  set(entry, ANSWER, answer)
  set(entry, ADDRESS_START, addressStart)
  set(entry, ADDRESS_END, addressEnd)
  set(entry, LOCAL, local)
  set(entry, IMPLIED, impliedType)
  if (queued == CAPACITY) flush()
}

/** Hand every queued message to the builder, in order. */
export function flush(): void {
  // First the queries' name slots, then the records they point to, then the addresses their
  // answers will be compared with: each round's loads overlap, and the last round finds them
  // in the cache.
  let sum = 0
  let previous = -1
  for (let index = 0; index < queued; index++) {
    const entry = entries + index * FIELDS * 4
    set(entry, FOUND, NOT_LOOKED_UP)
    if (!hasName(get(entry, KIND))) continue
    const start = get(entry, NAME_START)
    const end = get(entry, NAME_END)
    // A query's answers mostly repeat its name: one lookup does for all of them.
    if (previous >= 0 && sameName(previous, start, end)) continue
    previous = entry
    const hash = names.hash(start, end)
    set(entry, HASH, hash)
    const found = names.slotValue(hash)
    set(entry, FOUND, found)
    sum ^= found
  }
  for (let index = 0; index < queued; index++) {
    const found = get(entries + index * FIELDS * 4, FOUND)
    if (found != NOT_LOOKED_UP) sum ^= names.touch(found)
  }
  for (let index = 0; index < queued; index++) {
    const found = get(entries + index * FIELDS * 4, FOUND)
    if (found != NOT_LOOKED_UP) sum ^= touchAddresses(found)
  }
  loaded ^= sum
  for (let index = 0; index < queued; index++) handOver(entries + index * FIELDS * 4)
  queued = 0
}

/** What the loads of `flush` read; exported only so that they cannot be optimised away. */
export let loaded: i32 = 0

/** FOUND of an entry whose name was not looked up: it has none, or the one before's. */
const NOT_LOOKED_UP: i32 = -2

function hasName(kind: i32): bool {
  return kind == MESSAGE_QUERY || kind == MESSAGE_ANSWER || kind == MESSAGE_LOCAL
}

/** Whether `entry`'s name is the bytes `[start, end)`. */
function sameName(entry: i32, start: i32, end: i32): bool {
  const known = get(entry, NAME_START)
  return get(entry, NAME_END) - known == end - start && sameBytes(known, start, end - start)
}

function handOver(entry: i32): void {
  const kind = get(entry, KIND)
  const answer = get(entry, ANSWER)
  let raw = -1
  let key = -1
  let record = -1
  let type = -1
  let client = -1
  let address = -1
  if (hasName(kind)) {
    internName(entry)
    raw = lastRaw
    key = lastKey
    record = lastRecord
    if (kind == MESSAGE_QUERY) {
      type = internType(get(entry, TYPE_START), get(entry, TYPE_END))
      client = clients.intern(get(entry, CLIENT_START), get(entry, CLIENT_END))
    } else if (answer == ANSWER_ADDRESS_V4 || answer == ANSWER_ADDRESS_V6) {
      address = addressOf(entry, answer == ANSWER_ADDRESS_V6 ? 1 : 0)
    }
  }
  builder.add(
    kind,
    get(entry, PID),
    get(entry, SERIAL),
    get(entry, TIME),
    get(entry, LINE),
    raw,
    key,
    record,
    type,
    client,
    answer,
    address,
    get(entry, LOCAL),
    get(entry, IMPLIED),
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
function internName(entry: i32): void {
  const start = get(entry, NAME_START)
  const end = get(entry, NAME_END)
  if (lastRaw >= 0 && names.holdsAt(lastRaw, start, end)) return
  const id =
    get(entry, FOUND) == NOT_LOOKED_UP
      ? names.intern(start, end)
      : names.internHashed(start, end, get(entry, HASH))
  lastRaw = names.found
  lastKey = names.payload()
  if (lastKey == NO_PAYLOAD) {
    lastKey = keyOf(id)
    names.setPayload(lastKey)
    lastRecord = builder.counters.attach(lastRaw, lastKey)
  } else lastRecord = builder.counters.recordOfRaw(lastRaw)
}

/**
 * The answer's address, as the address interner's record offset (the builder's address
 * handle, turned into an id for the scan state). A name's answers repeat the same few
 * addresses, so those in its record come first.
 *
 * @param family 0: IPv4, 1: IPv6.
 */
function addressOf(entry: i32, family: i32): i32 {
  const start = get(entry, ADDRESS_START)
  const end = get(entry, ADDRESS_END)
  const counters = builder.counters
  if (lastRecord >= 0 && counters.isObserved(lastRecord)) {
    for (let index = 0; index < INLINE_ADDRESSES; index++) {
      const known = counters.address(lastRecord, family, index)
      if (known < 0) break
      if (addresses.holdsAt(known, start, end)) return known
    }
  }
  addresses.intern(start, end)
  return addresses.found
}

/**
 * Load the address records in a name's record (`raw`, a names arena offset, or EMPTY), which
 * its answers will be compared with.
 */
function touchAddresses(raw: i32): i32 {
  if (raw < 0) return 0
  const counters = builder.counters
  const record = counters.recordOfRaw(raw)
  if (record < 0 || !counters.isObserved(record)) return 0
  let sum = 0
  for (let index = 0; index < 2 * INLINE_ADDRESSES; index++) {
    const known = counters.address(record, index / INLINE_ADDRESSES, index % INLINE_ADDRESSES)
    if (known >= 0) sum ^= addresses.idAt(known)
  }
  return sum
}

/** Most queries are A or AAAA: skip hashing them. */
function internType(start: i32, end: i32): i32 {
  const length = end - start
  if (length == 1 && load<u8>(<usize>start) == 0x41) return TYPE_A
  if (length == 4 && load<u32>(<usize>start) == 0x41414141) return TYPE_AAAA
  return types.intern(start, end)
}

function get(entry: i32, field: i32): i32 {
  return load<i32>(<usize>(entry + field * 4))
}

function set(entry: i32, field: i32, value: i32): void {
  store<i32>(<usize>(entry + field * 4), value)
}
