/**
 * `allowlist:exclude`: drop every name matching an `exclude` pattern. It runs before `include`
 * and collapse is told the same patterns, so an excluded name is never allowed by any entry:
 * exclusion wins over everything.
 */
import {code} from './names.js'
import {keptNodes} from './nodes.js'
import {findPattern, parsePatterns} from './patterns.js'
import {createRule} from './rule.js'

export interface Options {
  /** Patterns of names that must never be allowed (see `patterns.ts` for the syntax). */
  exclude?: readonly string[] | undefined
}

const exclude = createRule<Options>('exclude', (options) => {
  const patterns = parsePatterns(options?.exclude, 'exclude')
  return (tree, {decide}) => {
    if (patterns.length === 0) return
    for (const node of keptNodes(tree)) {
      const pattern = findPattern(patterns, node.name)
      if (!pattern) continue
      decide(node, {
        kept: false,
        reason: `Unexpected name ${code(node.name)} matching \`exclude\` pattern ${code(pattern.source)}, expected no excluded name`,
        actual: node.name,
      })
    }
  }
})

export default exclude
