/**
 * What the scan found, read out for the scan state (src/ingest/scan-log.ts): each call fills
 * `output` and returns how many numbers it holds.
 */
import {IntArray, PairIndex} from './tables'
import {addresses, builder} from './values'

const output = new IntArray(1024, 0)

export function outputPointer(): i32 {
  return output.pointer
}

/** Per observed name (NAME_RECORD numbers): key id, first line, first/last seen, client bits. */
export function observedNames(): i32 {
  output.length = 0
  builder.counters.pushNames(output)
  return output.length
}

/** SLOT_STRIDE numbers per (name, type) slot: key, type, queries, outcome counts. */
export function slotRecords(): i32 {
  output.length = 0
  builder.counters.pushSlots(output)
  return output.length
}

/** (key, address id) pairs of one family (0: IPv4, 1: IPv6). */
export function addressPairs(family: i32): i32 {
  output.length = 0
  builder.counters.pushAddresses(output, family)
  const overflow = (family == 0 ? builder.v4 : builder.v6).overflow
  for (let index = 0; index < overflow.size; index++) {
    output.push(overflow.firsts.get(index))
    output.push(overflow.seconds.get(index))
  }
  // Handles (arena offsets) become the address ids the scan state's dictionary is keyed by.
  for (let at = 1; at < output.length; at += 2) output.set(at, addresses.idAt(output.get(at)))
  return output.length
}

/** (alias, target) key pairs of every CNAME link. */
export function cnamePairs(): i32 {
  output.length = 0
  pushPairs(builder.cnames)
  return output.length
}

/** (key, client label) pairs of counted queries whose label is past the client bits. */
export function clientPairs(): i32 {
  output.length = 0
  pushPairs(builder.clients)
  return output.length
}

function pushPairs(pairs: PairIndex): void {
  for (let index = 0; index < pairs.size; index++) {
    output.push(pairs.firsts.get(index))
    output.push(pairs.seconds.get(index))
  }
}
