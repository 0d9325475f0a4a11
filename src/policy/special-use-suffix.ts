/**
 * `allowlist:special-use-suffix`: drop names under special-use and local suffixes (RFC 6761,
 * RFC 8375 `home.arpa`, `.internal`, `.local` for mDNS, LXD's `.lxd`, home routers' `.lan`) and
 * under any suffix listed in `dropSuffixes` (a site's own internal domain, an LXD network's
 * `dns.domain`). A search-domain leak such as `ftp.debian.org.lxd` lands here too.
 */
import {code} from './names.js'
import {isSameOrUnder} from './names.js'
import {openNodes} from './nodes.js'
import {createRule} from './rule.js'

export const SPECIAL_USE_SUFFIXES = [
  'lxd',
  'lan',
  'local',
  'home.arpa',
  'internal',
  'invalid',
  'test',
  'example',
  'localhost',
  'arpa',
] as const

export interface Options {
  /** More suffixes to drop, on top of the special-use ones. */
  dropSuffixes?: readonly string[] | undefined
}

const specialUseSuffix = createRule<Options>('special-use-suffix', (options) => {
  const configured = (options?.dropSuffixes ?? []).map((suffix) =>
    suffix.toLowerCase().replace(/^\.+/, ''),
  )
  return (tree, {decide}) => {
    for (const node of openNodes(tree)) {
      const special = SPECIAL_USE_SUFFIXES.find((suffix) => isSameOrUnder(node.name, suffix))
      const dropped = special ?? configured.find((suffix) => isSameOrUnder(node.name, suffix))
      if (dropped === undefined) continue
      const which = special === undefined ? 'configured suffix' : 'special-use suffix'
      decide(node, {
        kept: false,
        reason: `Unexpected name ${code(node.name)} under ${which} ${code(dropped)}, expected a public name`,
        actual: dropped,
      })
    }
  }
})

export default specialUseSuffix
