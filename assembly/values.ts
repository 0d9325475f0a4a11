/**
 * This instance's interned values and builder, shared by the line loop (scanner.ts) and the
 * scan state it writes out (scan-output.ts).
 */
import {Builder} from './builder'
import {Interner} from './interner'
import {RAW_NAME_ROOM} from './name-counters'

export const names = new Interner(RAW_NAME_ROOM)
export const builder = new Builder(names)
export const types = new Interner()
export const clients = new Interner()
export const addresses = new Interner()
/** Graph keys, numbered here for every host that asks (see keys.ts). */
export const keys = new Interner()

// Interned value kinds, for valueCount/valuePointer/valueLength.
export const VALUE_NAME: i32 = 0
export const VALUE_TYPE: i32 = 1
export const VALUE_CLIENT: i32 = 2
export const VALUE_ADDRESS: i32 = 3
export const VALUE_KEY: i32 = 4

export function valueCount(kind: i32): i32 {
  return interner(kind).size
}

export function valuePointer(kind: i32, id: i32): i32 {
  return interner(kind).pointer(id)
}

export function valueLength(kind: i32, id: i32): i32 {
  return interner(kind).length(id)
}

/** Where joinValues wrote. */
let joined = <i32>heap.alloc(65_536)
let joinedCapacity: i32 = 65_536

export function joinedPointer(): i32 {
  return joined
}

/**
 * Write every value of `kind` (not raw names) one after another, each followed by a newline, which
 * no value holds: one text for the other side, instead of a call per value.
 *
 * @returns The bytes written.
 */
export function joinValues(kind: i32): i32 {
  const values = interner(kind)
  let length = 0
  for (let id = 0; id < values.size; id++) length += values.length(id) + 1
  if (length > joinedCapacity) {
    heap.free(<usize>joined)
    joinedCapacity = length
    joined = <i32>heap.alloc(<usize>length)
  }
  let at = joined
  for (let id = 0; id < values.size; id++) {
    memory.copy(<usize>at, <usize>values.pointer(id), <usize>values.length(id))
    at += values.length(id)
    store<u8>(<usize>at, 0x0a)
    at++
  }
  return at - joined
}

function interner(kind: i32): Interner {
  switch (kind) {
    case VALUE_NAME:
      return names
    case VALUE_TYPE:
      return types
    case VALUE_CLIENT:
      return clients
    case VALUE_KEY:
      return keys
    default:
      return addresses
  }
}
