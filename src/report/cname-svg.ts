/**
 * The CNAME chains as an inline SVG picture. dagre lays the graph out when the report is built
 * (left to right: alias → target), so the page needs no script and no library to draw it.
 * Labels are HTML-escaped, long ones shortened with the full name in a `<title>` tooltip.
 */
import dagre from '@dagrejs/dagre'
import {escapeHtml} from './html-escape.js'
import type {ReportModel} from './model.js'

/** Monospace at 12px: glyphs are ~0.6em wide, which makes node widths predictable. */
const CHARACTER_WIDTH = 7.3
const NODE_HEIGHT = 26
const NODE_PADDING = 18
const MARGIN = 12
/** Longer labels are cut; the tooltip keeps the whole name. */
const MAX_LABEL = 48

interface Placed {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Draw the CNAME graph.
 *
 * @param cname Nodes and links from the report model, sorted (the layout depends on order).
 * @returns An `<svg>` element, or an empty string when there are no links.
 */
export function renderCnameSvg(cname: ReportModel['cname']): string {
  if (cname.links.length === 0) return ''
  const graph = new dagre.graphlib.Graph()
  graph.setGraph({rankdir: 'LR', nodesep: 14, ranksep: 56, marginx: MARGIN, marginy: MARGIN})
  graph.setDefaultEdgeLabel(() => ({}))
  // Generated ids: a name from a log (`__proto__`, say) never becomes a key inside graphlib.
  const ids = new Map(cname.nodes.map((node, index) => [node.name, `n${index}`]))
  const id = (name: string): string => ids.get(name) as string
  for (const node of cname.nodes) {
    const width = shorten(node.name).length * CHARACTER_WIDTH + NODE_PADDING
    graph.setNode(id(node.name), {width, height: NODE_HEIGHT})
  }
  for (const link of cname.links) graph.setEdge(id(link.from), id(link.to))
  dagre.layout(graph)

  const size = graph.graph()
  const width = round(size.width ?? 0)
  const height = round(size.height ?? 0)
  const edges = cname.links.map((link) => {
    const points = (graph.edge(id(link.from), id(link.to))?.points ?? []) as Array<{
      x: number
      y: number
    }>
    const path = points
      .map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`)
      .join(' ')
    return `<path class="link" d="${path}" marker-end="url(#arrow)"><title>${escapeHtml(`${link.from} → ${link.to}`)}</title></path>`
  })
  const nodes = cname.nodes.map((node) => {
    const placed = graph.node(id(node.name)) as Placed
    const left = round(placed.x - placed.width / 2)
    const top = round(placed.y - placed.height / 2)
    return [
      `<g class="node ${node.status}" data-name="${escapeHtml(node.name)}">`,
      `<title>${escapeHtml(`${node.name} (${node.status})`)}</title>`,
      `<rect x="${left}" y="${top}" width="${round(placed.width)}" height="${round(placed.height)}" rx="5"/>`,
      `<text x="${round(placed.x)}" y="${round(placed.y + 4)}">${escapeHtml(shorten(node.name))}</text>`,
      '</g>',
    ].join('')
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="cname-graph" role="img" aria-label="CNAME chains" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>',
    ...edges,
    ...nodes,
    '</svg>',
  ].join('\n')
}

function shorten(name: string): string {
  return name.length <= MAX_LABEL ? name : `${name.slice(0, MAX_LABEL - 1)}…`
}

/** One decimal: enough for pixels, and stable text for byte-identical output. */
function round(value: number): number {
  return Math.round(value * 10) / 10
}
