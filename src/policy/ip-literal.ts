/**
 * `allowlist:ip-literal`: drop IP addresses that a client sent as if they were names
 * (`query[A] 203.0.113.9`). An allow-list of names cannot hold them, and a firewall rule for an
 * address belongs in a hand-written list, not in one learned from DNS.
 */
import {isIP} from 'node:net'
import {code} from './names.js'
import {openNodes} from './nodes.js'
import {createRule} from './rule.js'

export type Options = Record<string, never>

const ipLiteral = createRule<Options>('ip-literal', () => (tree, {decide}) => {
  for (const node of openNodes(tree)) {
    const raw = node.data.observation.rawNames[0] ?? node.name
    if (!isIpLiteral(node.name) && !isIpLiteral(raw)) continue
    decide(node, {
      kept: false,
      reason: `Unexpected IP literal ${code(raw)}, expected a hostname`,
      actual: raw,
    })
  }
})

export default ipLiteral

/** Whether `name` is an IPv4 or IPv6 address (IPv6 possibly in brackets). */
export function isIpLiteral(name: string): boolean {
  const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name
  return isIP(bare) !== 0
}
