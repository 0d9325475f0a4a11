/**
 * Markdown pieces for reports that end up in pull requests and job summaries, where a file name
 * or an observed name may contain characters Markdown would interpret. Everything a report
 * prints from its inputs goes through `inlineCode`.
 */

/**
 * A code span that survives inside a table cell: the fence is longer than any backtick run in
 * the text, `|` is escaped (GitHub splits cells on it even inside code), newlines become spaces.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|')
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const padding = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return `${fence}${padding}${flat}${padding}${fence}`
}

/** A GitHub-flavoured table. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

/** `1 name`, `2 names`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}
