/**
 * Record policy decisions on a test graph, as policy would, so report tests can build "a graph
 * after policy" without running the rules.
 */
import {findNode} from '../../src/graph/tree.js'
import type {Decision, Root} from '../../src/graph/types.js'

/** Record `decision` on the observed node `name` (which must exist). */
export function decide(tree: Root, name: string, decision: Decision): void {
  const node = findNode(tree, name)
  if (!node?.data?.observation) throw new TypeError(`decide: ${name} is not observed`)
  node.data.decision = decision
}

/** A decision that keeps a name in `entry`. */
export function kept(
  entry: string,
  ruleId = 'collapse',
  reason = `Kept as \`${entry}\``,
): Decision {
  return {kept: true, ruleId, reason, entry}
}

/** A decision that drops a name. */
export function dropped(ruleId: string, reason: string): Decision {
  return {kept: false, ruleId, reason}
}
