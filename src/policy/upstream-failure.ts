/**
 * `allowlist:upstream-failure`: names whose only outcome was an upstream failure (`reply error is
 * REFUSED`, or forwarded and never answered). The job may well need them once the upstream works,
 * so by default they are kept with a warning; `upstreamFailures: drop` drops them instead. A name
 * with no answer recorded at all counts as unanswered.
 */
import {DEFAULT_QUERY_TYPES} from './query-type.js'
import {FAILURE_OUTCOMES, outcomeLabels, queryTypeSet, summariseAnswers} from './answers.js'
import {code, listValues} from './names.js'
import {openNodes} from './nodes.js'
import {createRule} from './rule.js'

export const UPSTREAM_FAILURE_MODES = ['keep', 'drop'] as const

export interface Options {
  queryTypes?: readonly string[] | undefined
  upstreamFailures?: (typeof UPSTREAM_FAILURE_MODES)[number] | undefined
}

const upstreamFailure = createRule<Options>('upstream-failure', (options) => {
  const types = queryTypeSet(options?.queryTypes ?? DEFAULT_QUERY_TYPES)
  const mode = options?.upstreamFailures ?? 'keep'
  if (!UPSTREAM_FAILURE_MODES.includes(mode)) {
    throw new TypeError(
      `upstreamFailures: Unexpected value \`${String(mode)}\`, expected \`keep\` or \`drop\``,
    )
  }
  return (tree, {decide}) => {
    for (const node of openNodes(tree)) {
      const {outcomes, positive} = summariseAnswers(tree, node, types)
      if (positive) continue
      const failures = outcomeLabels(outcomes, FAILURE_OUTCOMES)
      if (failures.length === 0 && outcomes.size > 0) continue
      const what = failures.length > 0 ? listValues(failures, 'and') : '`no reply`'
      const kept = mode === 'keep'
      decide(node, {
        kept,
        severity: 'warning',
        reason: `Unexpected upstream failure (${what}) for ${code(node.name)}, expected an answer; ${kept ? 'kept, the job may need it once the upstream works' : 'dropped (`upstreamFailures: drop`)'}`,
        actual: failures.join(' '),
      })
    }
  }
})

export default upstreamFailure
