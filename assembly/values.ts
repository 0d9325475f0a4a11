/**
 * This instance's interned values and builder, shared by the line loop (scanner.ts) and the
 * scan state it writes out (scan-output.ts).
 */
import {Builder} from './builder'
import {Interner} from './interner'

export const names = new Interner()
export const builder = new Builder()
export const types = new Interner()
export const clients = new Interner()
export const addresses = new Interner()

// Interned value kinds, for valueCount/valuePointer/valueLength.
export const VALUE_NAME: i32 = 0
export const VALUE_TYPE: i32 = 1
export const VALUE_CLIENT: i32 = 2
export const VALUE_ADDRESS: i32 = 3

export function valueCount(kind: i32): i32 {
  return interner(kind).size
}

export function valuePointer(kind: i32, id: i32): i32 {
  return interner(kind).pointer(id)
}

export function valueLength(kind: i32, id: i32): i32 {
  return interner(kind).length(id)
}

function interner(kind: i32): Interner {
  return kind == VALUE_NAME
    ? names
    : kind == VALUE_TYPE
      ? types
      : kind == VALUE_CLIENT
        ? clients
        : addresses
}
