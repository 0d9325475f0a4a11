/**
 * Run one policy rule (or the whole policy) over a tiny graph and read back what tests compare:
 * each name's final decision and the messages as strings.
 */
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import {observedNodes} from '../../src/graph/tree.js'
import type {Decision, Root} from '../../src/graph/types.js'
import {sortMessages} from '../../src/policy/sort-messages.js'

export interface RuleRun {
  /** The decision recorded on each observed name that has one, by name. */
  decisions: Record<string, Decision>
  /** `String(message)` of each message: `line:column: reason`. */
  messages: string[]
  file: VFile
}

/**
 * Run `rule` with `options` over `tree`.
 *
 * @param rule A policy rule plugin.
 * @param options Its options.
 * @param tree The graph (decisions are written into it).
 */
export function runRule<Options>(
  rule: Plugin<[(Options | undefined)?], Root>,
  options: Options | undefined,
  tree: Root,
): RuleRun {
  const file = new VFile()
  unified().use(rule, options).runSync(tree, file)
  sortMessages(file)
  return {decisions: decisionsOf(tree), messages: file.messages.map(String), file}
}

/** The decision of each observed name, by name. */
export function decisionsOf(tree: Root): Record<string, Decision> {
  const decisions: Record<string, Decision> = {}
  for (const node of observedNodes(tree)) {
    if (node.data.decision) decisions[node.name] = node.data.decision
  }
  return decisions
}
