/**
 * `allowlist:negative-only`: drop names that never got a positive answer — every answer was
 * NXDOMAIN or NODATA — since the job cannot have connected to them. A CNAME whose chain ends in
 * an address counts as positive. Names that also met an upstream failure are negative as soon as
 * one real answer said so.
 */
import {DEFAULT_QUERY_TYPES} from './query-type.js'
import {NEGATIVE_OUTCOMES, outcomeLabels, queryTypeSet, summariseAnswers} from './answers.js'
import {code, listValues} from './names.js'
import {openNodes} from './nodes.js'
import {createRule} from './rule.js'

export interface Options {
  queryTypes?: readonly string[] | undefined
}

const negativeOnly = createRule<Options>('negative-only', (options) => {
  const types = queryTypeSet(options?.queryTypes ?? DEFAULT_QUERY_TYPES)
  return (tree, {decide}) => {
    for (const node of openNodes(tree)) {
      const {outcomes, positive} = summariseAnswers(tree, node, types)
      const negative = outcomeLabels(outcomes, NEGATIVE_OUTCOMES)
      if (positive || negative.length === 0) continue
      decide(node, {
        kept: false,
        reason: `Unexpected name ${code(node.name)} with only negative answers (${listValues(negative, 'and')}), expected a positive answer`,
        actual: negative.join(' '),
      })
    }
  }
})

export default negativeOnly
