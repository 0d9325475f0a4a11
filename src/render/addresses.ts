/**
 * The addresses behind an allow-list, for formats that enforce by address (nftables sets): every
 * entry's observed A/AAAA answers, checked, deduplicated and sorted by numeric value so the output
 * does not depend on how they were written or ordered. IPv6 addresses are rewritten in their
 * canonical form (RFC 5952): nft rejects some valid spellings, such as `::0:0:0:0:0:0.0.0.0`.
 */
import {isIPv4, isIPv6} from 'node:net'
import type {Entry} from '../graph/entry.js'

/** One address and the entries it was observed for. */
export interface ObservedAddress {
  address: string
  /** Entry names, sorted. */
  names: string[]
}

export interface AddressSets {
  v4: ObservedAddress[]
  v6: ObservedAddress[]
}

/**
 * Collect the addresses of `entries`.
 *
 * @param entries Entries whose `addresses` policy filled in (CNAME chains already followed).
 * @returns IPv4 and IPv6 addresses, each once with the entries behind it, in numeric order.
 * @throws TypeError when an address is not a plain IP literal of its family (a bug upstream).
 */
export function collectAddresses(entries: readonly Entry[]): AddressSets {
  const v4 = new Map<bigint, ObservedAddress>()
  const v6 = new Map<bigint, ObservedAddress>()
  for (const entry of entries) {
    for (const address of entry.addresses.v4) {
      if (!isIPv4(address)) throw invalid(entry.name, address)
      observe(v4, ipv4Value(address), address, entry.name)
    }
    for (const address of entry.addresses.v6) {
      if (!isIPv6(address) || address.includes('%')) throw invalid(entry.name, address)
      const value = ipv6Value(address)
      observe(v6, value, formatIpv6(value), entry.name)
    }
  }
  return {v4: inNumericOrder(v4), v6: inNumericOrder(v6)}
}

function observe(
  found: Map<bigint, ObservedAddress>,
  value: bigint,
  address: string,
  name: string,
): void {
  const seen = found.get(value)
  if (seen === undefined) found.set(value, {address, names: [name]})
  else if (!seen.names.includes(name)) seen.names = [...seen.names, name].sort()
}

function ipv4Value(address: string): bigint {
  return address.split('.').reduce((value, octet) => (value << 8n) | BigInt(octet), 0n)
}

function ipv6Value(address: string): bigint {
  let text = address.toLowerCase()
  // A trailing dotted quad (`::ffff:192.0.2.1`) stands for the last two groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (quad) {
    const value = ipv4Value(quad[1] as string)
    text = `${text.slice(0, quad.index)}${(value >> 16n).toString(16)}:${(value & 0xffffn).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = [
    ...headGroups,
    ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'),
    ...tailGroups,
  ]
  return groups.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n)
}

/** RFC 5952 text: lowercase hex groups, the first longest run of two or more zero groups as `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({length: 8}, (_, index) =>
    Number((value >> BigInt(16 * (7 - index))) & 0xffffn),
  )
  let bestStart = -1
  let bestLength = 1
  for (let start = 0; start < 8; start++) {
    let length = 0
    while (start + length < 8 && groups[start + length] === 0) length++
    if (length > bestLength) {
      bestStart = start
      bestLength = length
    }
  }
  const hex = groups.map((group) => group.toString(16))
  if (bestStart === -1) return hex.join(':')
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`
}

function inNumericOrder(addresses: Map<bigint, ObservedAddress>): ObservedAddress[] {
  return [...addresses.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, observed]) => observed)
}

function invalid(name: string, address: string): TypeError {
  return new TypeError(
    `collectAddresses: entry ${JSON.stringify(name)} has the invalid address ${JSON.stringify(address)}`,
  )
}
