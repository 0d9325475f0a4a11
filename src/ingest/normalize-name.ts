/**
 * Graph keys for logged names. dnsmasq logs a name the way the client spelled it (mixed case,
 * trailing dot, Unicode when built with IDN support), so one host can appear under several
 * spellings; the graph keys it once, as lowercase ASCII without the trailing dot.
 */
import {domainToASCII} from 'node:url'

/**
 * Turn a logged name into its graph key.
 *
 * Plain ASCII names are only lowercased: `url.domainToASCII` would also apply WHATWG IPv4
 * parsing and turn the hostile name `0x7f.1` into `127.0.0.1`. Names with non-ASCII characters
 * go through `domainToASCII` for punycode; when it rejects them, the lowercased name is kept so
 * that policy can still see and report it.
 *
 * @param raw The name as logged.
 * @returns The key, or `''` for the root name `.`, which no allow-list can express.
 */
export function normalizeName(raw: string): string {
  let name = raw.toLowerCase()
  if (name.endsWith('.')) name = name.slice(0, -1)
  if (isAscii(name)) return name
  const ascii = domainToASCII(name)
  return ascii === '' ? name : ascii
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > 0x7f) return false
  }
  return true
}

/**
 * PTR answers from hosts files and DHCP leases put the address where the name belongs
 * (`/etc/hosts 10.0.0.1 is host`). Map such an address to the reverse name that was queried so
 * the answer pairs with its `query[PTR]`.
 *
 * @param name The logged name slot.
 * @returns The `in-addr.arpa` / `ip6.arpa` name, or `undefined` when `name` is no address.
 */
export function reverseName(name: string): string | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name)
  if (v4) return `${v4[4]}.${v4[3]}.${v4[2]}.${v4[1]}.in-addr.arpa`
  if (!name.includes(':')) return undefined
  const nibbles = expandIpv6(name)
  return nibbles === undefined ? undefined : `${[...nibbles].reverse().join('.')}.ip6.arpa`
}

/** The 32 hex digits of an IPv6 address, or `undefined` when it is not one. */
function expandIpv6(address: string): string | undefined {
  const halves = address.toLowerCase().split('::')
  if (halves.length > 2) return undefined
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':')
  const tail = halves.length === 2 && halves[1] !== '' ? (halves[1] ?? '').split(':') : []
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]
  if (!groups.every((group) => /^[\da-f]{1,4}$/.test(group))) return undefined
  return groups.map((group) => group.padStart(4, '0')).join('')
}
