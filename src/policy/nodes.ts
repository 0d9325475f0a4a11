/**
 * Walks over the decided tree that the rules share. A name is *open* while no rule has dropped it
 * and no `include` pattern pinned it: only open names are judged. A name is *kept* while no rule
 * has dropped it; collapse and subsumption work on kept names.
 */
import type {DomainNode, Observation, Outcome, Root} from '../graph/types.js'
import {canonicalQueryType} from './dns-types.js'

export type ObservedNode = DomainNode & {data: {observation: Observation}}

/**
 * Nodes for which `wanted` holds, in tree order (sorted by reversed labels). Returns an array
 * taken before the caller acts, so a rule may add nodes (`include`) while it walks.
 */
function selectNodes(tree: Root, wanted: (node: DomainNode) => boolean): DomainNode[] {
  const selected: DomainNode[] = []
  const stack: DomainNode[] = []
  for (let index = tree.children.length - 1; index >= 0; index--) {
    stack.push(tree.children[index] as DomainNode)
  }
  while (stack.length > 0) {
    const node = stack.pop() as DomainNode
    if (wanted(node)) selected.push(node)
    for (let index = node.children.length - 1; index >= 0; index--) {
      stack.push(node.children[index] as DomainNode)
    }
  }
  return selected
}

/** Observed names no rule has dropped or pinned yet, in tree order. */
export function openNodes(tree: Root): ObservedNode[] {
  return selectNodes(tree, (node) => {
    if (!node.data?.observation) return false
    const decision = node.data.decision
    return !decision || (decision.kept && !decision.pinned)
  }) as ObservedNode[]
}

/** Every node (observed, or added by `include`) that no rule has dropped, in tree order. */
export function keptNodes(tree: Root): DomainNode[] {
  return selectNodes(tree, (node) => {
    const decision = node.data?.decision
    return decision ? decision.kept : node.data?.observation !== undefined
  })
}

/** Total queries for a name over all types. */
export function queryCount(observation: Observation): number {
  let total = 0
  for (const count of Object.values(observation.queries)) total += count
  return total
}

/** A name seen only as the target of someone's CNAME, never asked for itself. */
export function isCnameTargetOnly(observation: Observation): boolean {
  return observation.cnameFrom.length > 0 && queryCount(observation) === 0
}

/**
 * The outcomes seen for a name, optionally only for some query types.
 *
 * @param observation The name's observation.
 * @param types Query types to look at; all when `undefined`.
 * @returns Each outcome seen at least once.
 */
export function outcomesOf(observation: Observation, types?: ReadonlySet<string>): Set<Outcome> {
  const seen = new Set<Outcome>()
  for (const [type, outcomes] of Object.entries(observation.outcomes)) {
    if (types && !types.has(canonicalQueryType(type))) continue
    for (const [outcome, count] of Object.entries(outcomes)) {
      if (count && count > 0) seen.add(outcome as Outcome)
    }
  }
  return seen
}

/**
 * Follow CNAME edges from `name`, breadth first, guarding against loops.
 *
 * @param find Looks a name up in the graph.
 * @param name Where to start.
 * @returns The observed names of the chain after `name` (targets, their targets, …).
 */
export function cnameChain(
  find: (name: string) => DomainNode | undefined,
  name: string,
): ObservedNode[] {
  const seen = new Set([name])
  const chain: ObservedNode[] = []
  const queue = [...(find(name)?.data?.observation?.cnameTo ?? [])]
  while (queue.length > 0) {
    const next = queue.shift() as string
    if (seen.has(next)) continue
    seen.add(next)
    const node = find(next)
    if (!node?.data?.observation) continue
    chain.push(node as ObservedNode)
    queue.push(...node.data.observation.cnameTo)
  }
  return chain
}
