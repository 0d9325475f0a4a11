/**
 * `allowlist:min-runs`: with graphs merged from several captures, keep only names seen in at least
 * `minRuns` of them, so a one-off (a telemetry ping, a retry to a mirror) does not widen the list.
 * The default, 1, keeps everything.
 */
import {code} from './names.js'
import {openNodes} from './nodes.js'
import {createRule} from './rule.js'

export interface Options {
  minRuns?: number | undefined
}

const minRuns = createRule<Options>('min-runs', (options) => {
  const least = options?.minRuns ?? 1
  if (!Number.isInteger(least) || least < 1) {
    throw new TypeError(`minRuns: Unexpected value \`${least}\`, expected an integer ≥ 1`)
  }
  return (tree, {decide}) => {
    if (least === 1) return
    for (const node of openNodes(tree)) {
      const runs = node.data.observation.runs
      if (runs >= least) continue
      decide(node, {
        kept: false,
        reason: `Unexpected name ${code(node.name)} seen in ${runs} run${runs === 1 ? '' : 's'}, expected at least ${least} (\`minRuns\`)`,
        actual: String(runs),
        expected: [String(least)],
      })
    }
  }
})

export default minRuns
