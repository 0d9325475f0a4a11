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
 * writes the entries in key order (document-entry.ts).
 */
import {EntryWriter} from './document-entry'
import {clearText, reserveText, textAt, textLength, writeByte} from './json-text'
import {COUNTS, SliceInput, SliceMerger} from './slice-merger'
import {getInt, setInt} from './text-order'

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
  const queried = <i32>heap.alloc(<usize>(max(keyCount, 1) * 4))
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
  const entries = new EntryWriter(
    merger,
    pointers[INPUT_FILE],
    counts[INPUT_FILE],
    pointers[INPUT_LINE_OFFSETS],
  )
  // The names in key order: a key's rank is its place.
  const byRank = <i32>heap.alloc(<usize>(max(keyCount, 1) * 4))
  for (let key = 0; key < keyCount; key++) setInt(byRank, getInt(entries.keyRanks, key), key)
  let first = true
  for (let rank = 0; rank < keyCount; rank++) {
    const keyId = getInt(byRank, rank)
    if (!merger.isObserved(keyId)) continue
    if (!first) writeByte(0x2c)
    first = false
    entries.write(keyId)
  }
  return textLength()
}
