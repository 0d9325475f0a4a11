/**
 * The CNAME graph in Graphviz DOT, for `allowlist report --format dot`. Node ids are generated
 * (`n0`, `n1` …) and names only ever appear inside quoted labels, escaped for DOT, so a hostile
 * name cannot add statements or attributes.
 */
import type {ReportModel} from './model.js'
import {STATUS_COLOURS} from './status-colours.js'

/**
 * Render the CNAME graph as a `digraph`.
 *
 * @param cname Nodes and links from the report model.
 * @param header Comment lines (generator, inputs, counts), already printable ASCII.
 * @returns DOT text ending in a newline.
 */
export function renderCnameDot(cname: ReportModel['cname'], header: readonly string[]): string {
  const ids = new Map(cname.nodes.map((node, index) => [node.name, `n${index}`]))
  return [
    ...header.map((line) => `// ${line}`),
    'digraph cname {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="monospace"];',
    ...cname.nodes.map(
      (node) =>
        `  ${ids.get(node.name)} [label=${quoteDot(node.name)}, color="${STATUS_COLOURS[node.status]}", tooltip=${quoteDot(node.status)}];`,
    ),
    ...cname.links.map((link) => `  ${ids.get(link.from)} -> ${ids.get(link.to)};`),
    '}',
    '',
  ].join('\n')
}

/**
 * A DOT double-quoted string. Backslashes are doubled so label escapes (`\N`, `\l`) cannot be
 * formed; control characters become `?` since a raw newline would end a `//` comment elsewhere.
 */
export function quoteDot(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '?')}"`
}
