/**
 * `allowlist:subsumed`: when an entry allows a domain with its subdomains (`.example.com`), names
 * under it are not listed on their own: `a.example.com` maps to `.example.com` too. Overlapping
 * entries are redundant at best and fatal at worst (Squid ≤ 6 refuses `a.b` next to `.b`).
 */
import type {DomainNode} from '../graph/types.js'
import {code} from './names.js'
import {keptNodes} from './nodes.js'
import {createRule} from './rule.js'

export type Options = Record<string, never>

const subsumed = createRule<Options>('subsumed', () => (tree, {decide}) => {
  const kept = keptNodes(tree)
  const wide = new Set<string>()
  for (const node of kept) {
    const decision = node.data?.decision
    if (decision?.entry !== undefined && decision.includesSubdomains) wide.add(decision.entry)
  }
  for (const node of kept) {
    const decision = node.data?.decision
    if (decision?.entry === undefined) continue
    const cover = widestCover(decision.entry, decision.includesSubdomains === true, wide)
    if (cover === undefined) continue
    decide(node as DomainNode, {
      kept: true,
      entry: cover,
      includesSubdomains: true,
      pinned: decision.pinned ?? false,
      reason: `Subsumed ${code(decision.includesSubdomains ? '.' + decision.entry : decision.entry)} by ${code('.' + cover)}`,
    })
  }
})

export default subsumed

/**
 * The shortest wide entry covering `entry`: one of its ancestors, or itself when `entry` is exact.
 */
function widestCover(entry: string, wideItself: boolean, wide: Set<string>): string | undefined {
  const labels = entry.split('.')
  for (let index = labels.length - 1; index >= 0; index--) {
    const candidate = labels.slice(index).join('.')
    if (candidate === entry && wideItself) return undefined
    if (wide.has(candidate)) return candidate
  }
  return undefined
}
