/**
 * How a name was answered, summed up for the answer rules: positively (an address, directly or at
 * the end of its CNAME chain), negatively (NXDOMAIN/NODATA only), by an upstream failure
 * (REFUSED or no reply) or locally (dnsmasq `config`, a hosts file, a DHCP lease). Only answers to
 * the query types that count are looked at.
 */
import {findNode} from '../graph/tree.js'
import type {Outcome, Root} from '../graph/types.js'
import {cnameChain, outcomesOf, type ObservedNode} from './nodes.js'
import {canonicalQueryType} from './dns-types.js'

export const LOCAL_OUTCOMES: readonly Outcome[] = ['config', 'hosts', 'dhcp']
export const NEGATIVE_OUTCOMES: readonly Outcome[] = ['nxdomain', 'nodata']
export const FAILURE_OUTCOMES: readonly Outcome[] = ['refused', 'unanswered']

/** How dnsmasq spells each outcome in its log, for messages. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  address: 'address',
  cname: '<CNAME>',
  nxdomain: 'NXDOMAIN',
  nodata: 'NODATA',
  refused: 'REFUSED',
  unanswered: 'no reply',
  config: 'config',
  hosts: 'hosts file',
  dhcp: 'DHCP lease',
}

/**
 * The outcomes of `node` for `types`, and whether it (or its CNAME chain) got an address.
 *
 * @param tree The graph, to follow CNAME edges.
 * @param node An observed name.
 * @param types Query types that count; all when `undefined`.
 */
export function summariseAnswers(
  tree: Root,
  node: ObservedNode,
  types: ReadonlySet<string> | undefined,
): {outcomes: Set<Outcome>; positive: boolean} {
  const outcomes = outcomesOf(node.data.observation, types)
  if (outcomes.has('cname')) {
    // An alias is answered by the end of its chain: fold the chain's outcomes in.
    for (const link of cnameChain((name) => findNode(tree, name), node.name)) {
      for (const outcome of outcomesOf(link.data.observation, types)) outcomes.add(outcome)
    }
  }
  return {outcomes, positive: outcomes.has('address')}
}

/** The outcomes of `outcomes` that belong to `group`, as dnsmasq spells them. */
export function outcomeLabels(outcomes: Set<Outcome>, group: readonly Outcome[]): string[] {
  return group.filter((outcome) => outcomes.has(outcome)).map((outcome) => OUTCOME_LABELS[outcome])
}

/** The query types that count, canonical, for `summariseAnswers`. */
export function queryTypeSet(queryTypes: readonly string[] | undefined): Set<string> | undefined {
  return queryTypes ? new Set(queryTypes.map((type) => canonicalQueryType(type))) : undefined
}
