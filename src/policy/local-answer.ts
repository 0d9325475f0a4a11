/**
 * `allowlist:local-answer`: drop names dnsmasq answered itself — its own `config` (the LXD
 * domain, `_gateway.lxd`), a hosts file, a DHCP lease. They resolve to the sandbox's own network,
 * which the allow-list of the real environment has no business with.
 */
import {DEFAULT_QUERY_TYPES} from './query-type.js'
import {LOCAL_OUTCOMES, outcomeLabels, queryTypeSet, summariseAnswers} from './answers.js'
import {code, listValues} from './names.js'
import {openNodes} from './nodes.js'
import {createRule} from './rule.js'

export interface Options {
  queryTypes?: readonly string[] | undefined
}

const localAnswer = createRule<Options>('local-answer', (options) => {
  const types = queryTypeSet(options?.queryTypes ?? DEFAULT_QUERY_TYPES)
  return (tree, {decide}) => {
    for (const node of openNodes(tree)) {
      const {outcomes} = summariseAnswers(tree, node, types)
      const local = outcomeLabels(outcomes, LOCAL_OUTCOMES)
      if (local.length === 0) continue
      decide(node, {
        kept: false,
        reason: `Unexpected local answer (${listValues(local, 'and')}) for ${code(node.name)}, expected a name the upstream resolves`,
        actual: local.join(' '),
      })
    }
  }
})

export default localAnswer
