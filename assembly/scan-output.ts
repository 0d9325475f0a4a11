/**
 * What the scan found, read out for the scan state (src/ingest/scan-log.ts): each call fills
 * `output` and returns how many numbers it holds.
 */
import {INLINE_ADDRESSES} from './name-counters'
import {IntArray, PairIndex} from './tables'
import {addresses, builder} from './values'

const output = new IntArray(1024, 0)

export function outputPointer(): i32 {
  return output.pointer
}

/** Per observed name (NAME_RECORD numbers): key id, first line, first/last seen, client bits. */
export function observedNames(): i32 {
  output.length = 0
  const counters = builder.counters
  for (let keyId = 0; keyId < counters.capacity; keyId++) {
    if (!counters.isObserved(keyId)) continue
    output.push(keyId)
    output.push(counters.firstLine(keyId))
    output.push(counters.first(keyId))
    output.push(counters.last(keyId))
    output.push(counters.clientBits(keyId))
  }
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
  const counters = builder.counters
  for (let keyId = 0; keyId < counters.capacity; keyId++) {
    for (let index = 0; index < INLINE_ADDRESSES; index++) {
      const address = counters.address(keyId, family, index)
      if (address < 0) break
      output.push(keyId)
      output.push(addresses.idAt(address))
    }
  }
  const overflow = (family == 0 ? builder.v4 : builder.v6).overflow
  for (let index = 0; index < overflow.size; index++) {
    output.push(overflow.firsts.get(index))
    output.push(addresses.idAt(overflow.seconds.get(index)))
  }
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
