/**
 * The scan states of a log's slices (src/ingest/packed-state.ts) merged into one, for the
 * document writer (document.ts): as `StateMerger` (src/ingest/scan-state.ts) merges them for
 * the graph, KEEP IN SYNC. Strings are interned anew, ids remapped; counts add, sets unite,
 * times take the extremes and the earliest first line wins. A slice may be added while later
 * ones are still being read; line numbers stay slice-relative until the writer adds the
 * lines before each slice.
 */
import {compareText, setInt, getInt} from './text-order'
import {Interner} from './interner'
import {IntArray, PairIndex} from './tables'

/** Per merged key: slice and line of its first line, first seen, last seen, client bits. */
export const MERGED_NAME: i32 = 5
export const FIELD_SLICE: i32 = 0
export const FIELD_LINE: i32 = 1
export const FIELD_FIRST_SEEN: i32 = 2
export const FIELD_LAST_SEEN: i32 = 3
export const FIELD_CLIENT_BITS: i32 = 4
/** A scan state's name records: key, line, first seen, last seen, client bits. */
const NAME_RECORD: i32 = 5
/** A scan state's slot records: key, type, then COUNTS counts. */
export const COUNTS: i32 = 10
const SLOT_STRIDE: i32 = 2 + COUNTS
export const CLIENT_LABEL_BITS: i32 = 32
/** Spellings kept per name (src/graph/types.ts). */
export const SPELLINGS_LIMIT: i32 = 8

/** One slice's state, as addresses and lengths (texts: bytes; arrays: numbers). */
export class SliceInput {
  keys: i32 = 0
  keysLength: i32 = 0
  types: i32 = 0
  typesLength: i32 = 0
  addresses: i32 = 0
  addressesLength: i32 = 0
  labels: i32 = 0
  labelsLength: i32 = 0
  spellings: i32 = 0
  spellingsLength: i32 = 0
  spellingCounts: i32 = 0
  spellingCountsLength: i32 = 0
  names: i32 = 0
  namesLength: i32 = 0
  slots: i32 = 0
  slotsLength: i32 = 0
  v4: i32 = 0
  v4Length: i32 = 0
  v6: i32 = 0
  v6Length: i32 = 0
  cnames: i32 = 0
  cnamesLength: i32 = 0
  clients: i32 = 0
  clientsLength: i32 = 0
}

export class SliceMerger {
  readonly keys: Interner = new Interner()
  readonly types: Interner = new Interner()
  readonly addresses: Interner = new Interner()
  readonly labels: Interner = new Interner()
  readonly spellings: Interner = new Interner()
  /** MERGED_NAME numbers per merged key; slice -1: not observed (yet). */
  readonly names: IntArray = new IntArray(1024 * MERGED_NAME, -1)
  /** (key, type) → slot; COUNTS numbers per slot in `counts`. */
  readonly slots: PairIndex = new PairIndex()
  readonly counts: IntArray = new IntArray(1024 * COUNTS, 0)
  readonly v4: PairIndex = new PairIndex()
  readonly v6: PairIndex = new PairIndex()
  readonly cnames: PairIndex = new PairIndex()
  /** (key, label) of labels past the client bits. */
  readonly clients: PairIndex = new PairIndex()
  /** Per merged key: how many spellings, then up to SPELLINGS_LIMIT spelling ids, sorted. */
  readonly spelled: IntArray = new IntArray(1024 * (1 + SPELLINGS_LIMIT), 0)

  add(input: SliceInput, slice: i32): void {
    const keyIds = internLines(this.keys, input.keys, input.keysLength)
    const typeIds = internLines(this.types, input.types, input.typesLength)
    const addressIds = internLines(this.addresses, input.addresses, input.addressesLength)
    const labelIds = internLines(this.labels, input.labels, input.labelsLength)
    const spellingIds = internLines(this.spellings, input.spellings, input.spellingsLength)
    this.names.reserve(this.keys.size * MERGED_NAME - 1)
    this.spelled.reserve(this.keys.size * (1 + SPELLINGS_LIMIT) - 1)
    for (let at = 0; at < input.namesLength; at += NAME_RECORD) {
      this.addName(slice, keyIds, labelIds, input.names + at * 4)
    }
    for (let at = 0; at < input.slotsLength; at += SLOT_STRIDE) {
      const record = input.slots + at * 4
      const known = this.slots.size
      const slot = this.slots.indexOf(
        getInt(keyIds, getInt(record, 0)),
        getInt(typeIds, getInt(record, 1)),
      )
      if (slot == known) this.counts.reserve(slot * COUNTS + COUNTS - 1)
      for (let field = 0; field < COUNTS; field++) {
        const at = slot * COUNTS + field
        this.counts.set(at, this.counts.get(at) + getInt(record, 2 + field))
      }
    }
    addPairs(this.v4, input.v4, input.v4Length, keyIds, addressIds)
    addPairs(this.v6, input.v6, input.v6Length, keyIds, addressIds)
    addPairs(this.cnames, input.cnames, input.cnamesLength, keyIds, keyIds)
    for (let at = 0; at < input.clientsLength; at += 2) {
      const key = getInt(keyIds, getInt(input.clients, at))
      this.addClient(key, getInt(labelIds, getInt(input.clients, at + 1)))
    }
    let spelling = 0
    for (let at = 0; at < input.spellingCountsLength; at += 2) {
      const key = getInt(keyIds, getInt(input.spellingCounts, at))
      const count = getInt(input.spellingCounts, at + 1)
      for (let index = 0; index < count; index++) {
        this.addSpelling(key, getInt(spellingIds, spelling + index))
      }
      spelling += count
    }
    heap.free(<usize>keyIds)
    heap.free(<usize>typeIds)
    heap.free(<usize>addressIds)
    heap.free(<usize>labelIds)
    heap.free(<usize>spellingIds)
  }

  /** Whether merged key `key` was observed. */
  isObserved(key: i32): bool {
    return this.names.get(key * MERGED_NAME + FIELD_SLICE) >= 0
  }

  name(key: i32, field: i32): i32 {
    return this.names.get(key * MERGED_NAME + field)
  }

  /** How many spellings key `key` has; they are `spelling(key, 0 …)`. */
  spellingCount(key: i32): i32 {
    return this.spelled.get(key * (1 + SPELLINGS_LIMIT))
  }

  spelling(key: i32, index: i32): i32 {
    return this.spelled.get(key * (1 + SPELLINGS_LIMIT) + 1 + index)
  }

  private addName(slice: i32, keyIds: i32, labelIds: i32, record: i32): void {
    const key = getInt(keyIds, getInt(record, 0))
    const line = getInt(record, 1)
    const seen = getInt(record, 2)
    const last = getInt(record, 3)
    const base = key * MERGED_NAME
    const names = this.names
    const knownSlice = names.get(base + FIELD_SLICE)
    const knownLine = names.get(base + FIELD_LINE)
    // First seen: no client bits yet (the fill, -1, would read as all of them).
    if (knownSlice < 0) names.set(base + FIELD_CLIENT_BITS, 0)
    if (knownSlice < 0 || slice < knownSlice || (slice == knownSlice && line < knownLine)) {
      names.set(base + FIELD_SLICE, slice)
      names.set(base + FIELD_LINE, line)
    }
    const firstSeen = names.get(base + FIELD_FIRST_SEEN)
    if (seen >= 0 && (firstSeen < 0 || seen < firstSeen)) {
      names.set(base + FIELD_FIRST_SEEN, seen)
    }
    if (last > names.get(base + FIELD_LAST_SEEN)) names.set(base + FIELD_LAST_SEEN, last)
    // The slice's client bits are by its own label ids.
    for (let bits = getInt(record, 4); bits != 0; bits &= bits - 1) {
      this.addClient(key, getInt(labelIds, 31 - <i32>clz(bits & -bits)))
    }
  }

  /** Note merged client `label` for merged key `key`: as a bit when it has one, else a pair. */
  private addClient(key: i32, label: i32): void {
    if (label >= CLIENT_LABEL_BITS) {
      this.clients.indexOf(key, label)
      return
    }
    const at = key * MERGED_NAME + FIELD_CLIENT_BITS
    this.names.set(at, this.names.get(at) | (1 << label))
  }

  /** Add spelling `id` to a key's sorted spellings, keeping the first SPELLINGS_LIMIT. */
  private addSpelling(key: i32, id: i32): void {
    const base = key * (1 + SPELLINGS_LIMIT)
    const spelled = this.spelled
    const count = spelled.get(base)
    let at = 0
    const start = this.spellings.pointer(id)
    const length = this.spellings.length(id)
    for (; at < count; at++) {
      const known = spelled.get(base + 1 + at)
      if (known == id) return
      const order = compareText(
        start,
        length,
        this.spellings.pointer(known),
        this.spellings.length(known),
      )
      if (order < 0) break
    }
    if (at >= SPELLINGS_LIMIT) return
    for (let move = min(count, SPELLINGS_LIMIT - 1); move > at; move--) {
      spelled.set(base + 1 + move, spelled.get(base + move))
    }
    spelled.set(base + 1 + at, id)
    spelled.set(base, min(count + 1, SPELLINGS_LIMIT))
  }
}

/**
 * Intern each line of a text (a newline after each value).
 *
 * @returns Their ids, in order, as a block to free.
 */
function internLines(interner: Interner, text: i32, length: i32): i32 {
  let count = 0
  for (let at = text; at < text + length; at++) if (load<u8>(<usize>at) == 0x0a) count++
  const ids = <i32>heap.alloc(<usize>(max(count, 1) * 4))
  let id = 0
  let from = text
  for (let at = text; at < text + length; at++) {
    if (load<u8>(<usize>at) != 0x0a) continue
    setInt(ids, id++, interner.intern(from, at))
    from = at + 1
  }
  return ids
}

function addPairs(index: PairIndex, pairs: i32, length: i32, firsts: i32, seconds: i32): void {
  for (let at = 0; at < length; at += 2) {
    index.indexOf(getInt(firsts, getInt(pairs, at)), getInt(seconds, getInt(pairs, at + 1)))
  }
}
