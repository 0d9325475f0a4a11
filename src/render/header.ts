/**
 * Header lines for rendered files: what made the file and from what. They carry no clock unless
 * asked (`--timestamp`), so two runs over the same input are byte-identical.
 */
import type {AllowList} from '../graph/entry.js'

/**
 * Describe an allow-list in a few lines, without comment markers.
 *
 * @param allowList The list being rendered.
 * @param timestamp When set, a `generated:` line with this instant (ISO 8601, UTC).
 * @returns Lines of printable ASCII only, safe inside any format's comment syntax.
 */
export function headerLines(allowList: AllowList, timestamp?: Date): string[] {
  const {meta} = allowList
  const lines = [
    `${meta.generator} (public suffix list: tldts ${meta.tldtsVersion})`,
    `inputs: ${meta.inputs.join(' ') || '(none)'}`,
    `collapse: ${meta.collapse}; names observed ${meta.counts.observed}, kept ${meta.counts.kept}, dropped ${meta.counts.dropped}; entries ${meta.counts.entries}`,
  ]
  if (timestamp) lines.push(`generated: ${timestamp.toISOString()}`)
  return lines.map((line) => toCommentSafe(line))
}

/**
 * Replace anything outside printable ASCII, so a file name with a newline or a comment closer
 * cannot end the comment it is printed in.
 */
function toCommentSafe(line: string): string {
  return line.replace(/[^\x20-\x7e]/g, '?').replace(/\*\//g, '*?')
}
