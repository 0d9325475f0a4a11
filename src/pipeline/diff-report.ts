/**
 * `allowlist diff` for people: a terminal listing and a Markdown version for pull requests. Both
 * group by registrable domain and show the observed names behind each changed entry.
 */
import type {DiffEntry, ListDiff} from './diff.js'
import {inlineCode, markdownTable, plural} from './markdown.js'

/** One line that says whether and how much the lists differ. */
export function diffHeadline(diff: ListDiff): string {
  if (diff.same)
    return `No change: both lists have the same ${plural(diff.new.entries, 'entry', 'entries')}`
  return `${diff.counts.added} added, ${diff.counts.removed} removed, ${diff.counts.unchanged} unchanged (${diff.old.inputs.join(' ')} → ${diff.new.inputs.join(' ')})`
}

/**
 * @returns `+ entry (names)` and `- entry` lines under each domain, after the headline.
 */
export function formatDiffText(diff: ListDiff): string {
  const lines = [diffHeadline(diff)]
  for (const group of diff.groups) {
    lines.push('', group.domain)
    for (const entry of group.added) lines.push(`  + ${entry.entry}${sourcesSuffix(entry)}`)
    for (const entry of group.removed) lines.push(`  - ${entry.entry}${sourcesSuffix(entry)}`)
  }
  return lines.join('\n')
}

/** @returns A heading, the headline and a table with one row per changed entry. */
export function formatDiffMarkdown(diff: ListDiff): string {
  const lines = ['### allowlist diff', '', diffHeadline(diff)]
  if (!diff.same) {
    const rows = diff.groups.flatMap((group) => [
      ...group.added.map((entry) => row(group.domain, 'added', entry)),
      ...group.removed.map((entry) => row(group.domain, 'removed', entry)),
    ])
    lines.push('', markdownTable(['registrable domain', 'change', 'entry', 'names'], rows))
  }
  return lines.join('\n')
}

function row(domain: string, change: string, entry: DiffEntry): string[] {
  return [
    inlineCode(domain),
    change,
    inlineCode(entry.entry),
    entry.sources.map((source) => inlineCode(source)).join(', '),
  ]
}

function sourcesSuffix(entry: DiffEntry): string {
  const others = entry.sources.filter((source) => source !== entry.name)
  return others.length > 0 ? `  (${entry.sources.join(', ')})` : ''
}
