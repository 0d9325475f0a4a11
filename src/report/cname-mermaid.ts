/**
 * The CNAME graph as a Mermaid flowchart, for `allowlist report --format mermaid` (pastes into
 * GitHub Markdown). Node ids are generated; labels are quoted and every character outside a
 * small safe set becomes a Mermaid entity code (`#60;`), so no name can close a label, start a
 * link or inject markup into the rendered SVG.
 */
import type {NameStatus, ReportModel} from './model.js'
import {STATUS_COLOURS} from './status-colours.js'

/**
 * Render the CNAME graph as `flowchart LR`.
 *
 * @param cname Nodes and links from the report model.
 * @param header Comment lines, already printable ASCII.
 * @returns Mermaid text ending in a newline.
 */
export function renderCnameMermaid(cname: ReportModel['cname'], header: readonly string[]): string {
  const ids = new Map(cname.nodes.map((node, index) => [node.name, `n${index}`]))
  const statuses = Object.keys(STATUS_COLOURS) as NameStatus[]
  return [
    ...header.map((line) => `%% ${line}`),
    'flowchart LR',
    ...cname.nodes.map(
      (node) => `  ${ids.get(node.name)}[${quoteMermaid(node.name)}]:::${node.status}`,
    ),
    ...cname.links.map((link) => `  ${ids.get(link.from)} --> ${ids.get(link.to)}`),
    ...statuses.map(
      (status) => `  classDef ${status} stroke:${STATUS_COLOURS[status]},stroke-width:2px`,
    ),
    '',
  ].join('\n')
}

/** A quoted Mermaid label: letters, digits, `.`, `-`, `_` as they are, the rest as `#code;`. */
export function quoteMermaid(value: string): string {
  let label = ''
  for (const character of value) {
    label += /^[A-Za-z0-9._-]$/.test(character) ? character : `#${character.codePointAt(0)};`
  }
  return `"${label}"`
}
