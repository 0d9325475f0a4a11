/**
 * Building and reading the namespace tree. Names are split on dots and inserted label by label,
 * right to left, so `a.example.com` lives under `com` → `example`; siblings stay sorted by label,
 * which keeps every walk (and so every output) deterministic.
 */
import type {DomainNode, Observation, Root} from './types.js'

/** Create an empty graph. */
export function createRoot(): Root {
  return {type: 'root', children: []}
}

/** An observation with nothing seen yet; ingest and tests fill it in. */
export function emptyObservation(): Observation {
  return {
    queries: {},
    outcomes: {},
    addresses: {v4: [], v6: []},
    cnameTo: [],
    cnameFrom: [],
    clients: [],
    places: [],
    rawNames: [],
    runs: 1,
  }
}

/**
 * Find the node for `name`, creating it and any missing ancestors.
 *
 * @param root The graph to insert into.
 * @param name A normalised name (lowercase ASCII, no trailing dot).
 * @returns The node whose `name` is `name`.
 */
export function ensureNode(root: Root, name: string): DomainNode {
  const labels = name.split('.')
  let siblings = root.children
  let node: DomainNode | undefined
  for (let index = labels.length - 1; index >= 0; index--) {
    const label = labels[index] ?? ''
    const position = searchLabel(siblings, label)
    node = siblings[position]
    if (node?.label !== label) {
      node = {type: 'domain', label, name: labels.slice(index).join('.'), children: []}
      siblings.splice(position, 0, node)
    }
    siblings = node.children
  }
  if (!node) throw new TypeError('ensureNode: expected a non-empty name')
  return node
}

/**
 * Find the node for `name` without creating anything.
 *
 * @returns The node, or `undefined` when no such label path exists.
 */
export function findNode(root: Root, name: string): DomainNode | undefined {
  const labels = name.split('.')
  let siblings = root.children
  let node: DomainNode | undefined
  for (let index = labels.length - 1; index >= 0; index--) {
    const label = labels[index] ?? ''
    node = siblings[searchLabel(siblings, label)]
    if (node?.label !== label) return undefined
    siblings = node.children
  }
  return node
}

/** Every node that carries an observation, in tree order (sorted by reversed labels). */
export function* observedNodes(
  root: Root,
): Generator<DomainNode & {data: {observation: Observation}}> {
  const stack: DomainNode[] = [...root.children].reverse()
  while (stack.length > 0) {
    const node = stack.pop() as DomainNode
    if (node.data?.observation) yield node as DomainNode & {data: {observation: Observation}}
    for (let index = node.children.length - 1; index >= 0; index--) {
      stack.push(node.children[index] as DomainNode)
    }
  }
}

/** Binary search: the index of `label` among sorted siblings, or where it would be inserted. */
function searchLabel(siblings: DomainNode[], label: string): number {
  let low = 0
  let high = siblings.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((siblings[middle] as DomainNode).label < label) low = middle + 1
    else high = middle
  }
  return low
}
