/**
 * `allowlist:public-suffix`: never emit a bare public suffix (`com`, `co.uk`, `github.io`), even
 * when it was queried or included: allowing one would allow every tenant under it. Single-label
 * names count as suffixes too (an unknown TLD is its own suffix). Runs on pinned names as well.
 */
import {code} from './names.js'
import {keptNodes} from './nodes.js'
import {createRule} from './rule.js'
import {isPublicSuffix} from '../graph/public-suffix.js'

export type Options = Record<string, never>

const publicSuffix = createRule<Options>('public-suffix', () => (tree, {decide}) => {
  for (const node of keptNodes(tree)) {
    if (!isPublicSuffix(node.name)) continue
    decide(node, {
      kept: false,
      reason: `Unexpected public suffix ${code(node.name)}, expected a registrable domain or a name under one`,
      actual: node.name,
    })
  }
})

export default publicSuffix
