/**
 * `allowlist:query-type`: drop names only ever asked for with query types that do not lead to a
 * connection (`PTR`, `MX`, `SRV`, `TXT` …). By default A, AAAA, HTTPS and SVCB count. Answers
 * with other types are ignored by the later rules too, so an `MX` NODATA never makes a name
 * negative.
 */
import {code, listValues} from './names.js'
import {isCnameTargetOnly, openNodes} from './nodes.js'
import {canonicalQueryType} from './dns-types.js'
import {createRule} from './rule.js'

export const DEFAULT_QUERY_TYPES = ['A', 'AAAA', 'HTTPS', 'SVCB'] as const

export interface Options {
  /** Query types that lead to a connection, as dnsmasq logs them (`A`, `type=65` …). */
  queryTypes?: readonly string[] | undefined
}

const queryType = createRule<Options>('query-type', (options) => {
  const types = options?.queryTypes ?? DEFAULT_QUERY_TYPES
  const wanted = new Set(types.map((type) => canonicalQueryType(type)))
  return (tree, {decide}) => {
    for (const node of openNodes(tree)) {
      const observation = node.data.observation
      if (isCnameTargetOnly(observation)) continue
      const asked = Object.keys(observation.queries).sort()
      if (asked.some((type) => wanted.has(canonicalQueryType(type)))) continue
      decide(node, {
        kept: false,
        reason: `Unexpected query type ${listValues(asked, 'and')} for ${code(node.name)}, expected ${listValues(types)}`,
        actual: asked.join(' '),
        expected: [...types],
      })
    }
  }
})

export default queryType
