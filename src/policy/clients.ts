/**
 * `allowlist:clients`: when `clients` is configured, keep only names asked for by one of those
 * clients (IP addresses, or instance names in captured graphs): a shared bridge also carries the
 * queries of unrelated machines. CNAME targets nobody asked for directly are judged by their
 * aliases, so they are left alone here.
 */
import {code, listValues} from './names.js'
import {isCnameTargetOnly, openNodes} from './nodes.js'
import {createRule} from './rule.js'

export interface Options {
  /** Client IPs or instance names whose queries count; all clients when absent or empty. */
  clients?: readonly string[] | undefined
}

const clients = createRule<Options>('clients', (options) => {
  const wanted = new Set((options?.clients ?? []).map((client) => client.toLowerCase()))
  return (tree, {decide}) => {
    if (wanted.size === 0) return
    for (const node of openNodes(tree)) {
      const observation = node.data.observation
      if (isCnameTargetOnly(observation)) continue
      if (observation.clients.some((client) => wanted.has(client.toLowerCase()))) continue
      decide(node, {
        kept: false,
        reason: `Unexpected name ${code(node.name)} asked only by ${listValues(observation.clients, 'and') || 'no known client'}, expected a client from \`clients\``,
        actual: observation.clients.join(' '),
        expected: [...wanted],
      })
    }
  }
})

export default clients
