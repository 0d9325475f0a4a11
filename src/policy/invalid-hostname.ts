/**
 * `allowlist:invalid-hostname`: drop names no resolver or proxy would accept — hostile strings
 * (`pipe|name.bad-host.net`), dnsmasq's `<name unprintable>`, over-long labels or names — with one
 * warning per raw spelling logged, so each hostile query is visible. Such names must never reach
 * a renderer, where they could break or inject into a config.
 */
import {hostnameProblem} from './names.js'
import {openNodes} from './nodes.js'
import {createRule} from './rule.js'

export type Options = Record<string, never>

const invalidHostname = createRule<Options>('invalid-hostname', () => (tree, {decide, warn}) => {
  for (const node of openNodes(tree)) {
    const problem = hostnameProblem(node.name)
    if (problem === undefined) continue
    const raws = node.data.observation.rawNames
    const [first, ...rest] = raws.length > 0 ? raws : [node.name]
    decide(node, {
      kept: false,
      reason: hostnameProblem(first ?? '') ?? problem,
      actual: first ?? '',
    })
    for (const raw of rest) {
      const rawProblem = hostnameProblem(raw)
      if (rawProblem !== undefined) warn(node, rawProblem, {actual: raw})
    }
  }
})

export default invalidHostname
