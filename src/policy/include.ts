/**
 * `allowlist:include`: names matching an `include` pattern are always allowed. An observed name
 * that matches is pinned, so later judgement rules (query type, negative answers, local names …)
 * leave it alone; an exact or `.domain` pattern nobody queried is added to the list as written.
 * Safety rules (IP literals, invalid hostnames, bare public suffixes) and `exclude` still win: a
 * `.domain` pattern that would cover an excluded name is added as the exact name only.
 */
import {ensureNode, findNode} from '../graph/tree.js'
import {code} from './names.js'
import {openNodes} from './nodes.js'
import {findPattern, overlapsSubtree, parsePatterns, type Pattern} from './patterns.js'
import {createRule, type Verdict} from './rule.js'

export interface Options {
  /** Patterns of names that must always be allowed. */
  include?: readonly string[] | undefined
  /** The `exclude` patterns, which an included `.domain` must not cover. */
  exclude?: readonly string[] | undefined
}

const include = createRule<Options>('include', (options) => {
  const patterns = parsePatterns(options?.include, 'include')
  const excluded = parsePatterns(options?.exclude, 'exclude')

  /** The entry a `.domain` pattern yields for its own domain, unless it covers an exclusion. */
  function ownEntry(pattern: Pattern): Pick<Verdict, 'entry' | 'includesSubdomains'> {
    const subdomains =
      pattern.scope === 'domain-and-subdomains' &&
      !excluded.some((exclusion) => overlapsSubtree(exclusion, pattern.name))
    return {entry: pattern.name, includesSubdomains: subdomains}
  }

  return (tree, {decide}) => {
    if (patterns.length === 0) return
    for (const node of openNodes(tree)) {
      const pattern = findPattern(patterns, node.name)
      if (!pattern) continue
      decide(node, {
        kept: true,
        pinned: true,
        reason: `Included ${code(node.name)} by \`include\` pattern ${code(pattern.source)}`,
        ...(pattern.scope !== 'subdomains' && pattern.name === node.name ? ownEntry(pattern) : {}),
      })
    }
    for (const pattern of patterns) {
      if (pattern.scope === 'subdomains') continue
      // Observed names were pinned above (or dropped by a rule that wins over include).
      const existing = findNode(tree, pattern.name)
      if (existing?.data?.observation || existing?.data?.decision) continue
      decide(ensureNode(tree, pattern.name), {
        kept: true,
        pinned: true,
        reason: `Added ${code(pattern.source)} from \`include\`, never observed`,
        ...ownEntry(pattern),
      })
    }
  }
})

export default include
