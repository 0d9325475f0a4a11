/**
 * Choosing the address range of a bridge capture creates: a private /24 that overlaps no other
 * LXD network and no route of the host, so the new bridge can neither shadow a LAN nor be
 * shadowed by one.
 */
import {readFile} from 'node:fs/promises'

/** An IPv4 range as two unsigned 32-bit numbers. */
export interface Ipv4Range {
  network: number
  mask: number
}

/**
 * Parse `a.b.c.d/len` (LXD's `ipv4.address` form, host bits allowed).
 *
 * @returns The range, or `undefined` for `none`, `auto`, empty or malformed values.
 */
export function parseCidr(value: string): Ipv4Range | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value.trim())
  if (!match) return undefined
  const octets = match.slice(1, 5).map(Number)
  const length = Number(match[5])
  if (octets.some((octet) => octet > 255) || length > 32) return undefined
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0)
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0
  return {network: (address & mask) >>> 0, mask}
}

/** Whether two ranges share any address. */
export function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  const mask = (a.mask & b.mask) >>> 0
  return (a.network & mask) >>> 0 === (b.network & mask) >>> 0
}

/**
 * The IPv4 routes of the host from `/proc/net/route`, without the default route (which overlaps
 * everything and says nothing about local ranges).
 *
 * @param text The file's content (injectable for tests).
 */
export function parseProcRoutes(text: string): Ipv4Range[] {
  const ranges: Ipv4Range[] = []
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/)
    const destination = fields[1]
    const mask = fields[7]
    if (destination === undefined || mask === undefined) continue
    const range = {network: littleEndianHex(destination), mask: littleEndianHex(mask)}
    if (range.mask !== 0)
      ranges.push({network: (range.network & range.mask) >>> 0, mask: range.mask})
  }
  return ranges
}

/** The host's routes, or none when `/proc/net/route` cannot be read (not Linux). */
export async function readHostRoutes(path = '/proc/net/route'): Promise<Ipv4Range[]> {
  try {
    return parseProcRoutes(await readFile(path, 'utf8'))
  } catch {
    return []
  }
}

/**
 * Pick a free /24 in 10.0.0.0/8 and return the bridge address for it (`10.x.y.1/24`).
 *
 * @param taken Ranges in use (other LXD networks, host routes).
 * @param random A source of numbers in [0, 1), so parallel captures rarely pick the same range.
 * @returns The address, or `undefined` when no free range was found in 500 tries.
 */
export function pickFreeSubnet(
  taken: Ipv4Range[],
  random: () => number = Math.random,
): string | undefined {
  for (let attempt = 0; attempt < 500; attempt++) {
    // 10.0–10.15 and 10.255 are left out: they are the ranges people pick by hand.
    const second = 16 + Math.floor(random() * 239)
    const third = Math.floor(random() * 256)
    const candidate = parseCidr(`10.${second}.${third}.0/24`) as Ipv4Range
    if (!taken.some((range) => overlaps(range, candidate))) return `10.${second}.${third}.1/24`
  }
  return undefined
}

function littleEndianHex(hex: string): number {
  const value = Number.parseInt(hex, 16)
  return (
    (((value & 0xff) << 24) |
      ((value & 0xff00) << 8) |
      ((value >>> 8) & 0xff00) |
      (value >>> 24)) >>>
    0
  )
}
