/**
 * `allowlist:cname-targets`: what to do with names seen only as the target of a CNAME
 * (`jsdelivr.map.fastly.net` behind `cdn.jsdelivr.net`). `omit` (default) leaves them out: a
 * proxy matches the name the client asked for, and their addresses still reach the alias's entry
 * for address-based formats. `include` lets them through the remaining rules as exact names, for
 * resolvers that check every name of a chain (RPZ, Unbound).
 */
import {code} from './names.js'
import {isCnameTargetOnly, openNodes} from './nodes.js'
import {createRule} from './rule.js'

export const CNAME_TARGET_MODES = ['omit', 'include'] as const

export interface Options {
  cnameTargets?: (typeof CNAME_TARGET_MODES)[number] | undefined
}

const cnameTargets = createRule<Options>('cname-targets', (options) => {
  const mode = options?.cnameTargets ?? 'omit'
  if (!CNAME_TARGET_MODES.includes(mode)) {
    throw new TypeError(
      `cnameTargets: Unexpected value \`${String(mode)}\`, expected \`omit\` or \`include\``,
    )
  }
  return (tree, {decide}) => {
    if (mode === 'include') return
    for (const node of openNodes(tree)) {
      const observation = node.data.observation
      if (!isCnameTargetOnly(observation)) continue
      decide(node, {
        kept: false,
        severity: 'info',
        reason: `Omitted CNAME target ${code(node.name)} of ${code(observation.cnameFrom.join(', '))}, reached through its alias (\`cnameTargets: omit\`)`,
      })
    }
  }
})

export default cnameTargets
