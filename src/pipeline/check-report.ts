/**
 * `allowlist check` for people: a terminal listing and the Markdown job summary a CI run shows,
 * saying which names would be blocked, by what, and which entries nobody used.
 */
import type {BlockedName, CheckResult} from './check.js'
import {inlineCode, markdownTable, plural} from './markdown.js'

/** One line: the verdict. */
export function checkHeadline(result: CheckResult): string {
  const list = `${result.against.file} (${result.against.syntax})`
  return result.ok
    ? `All ${plural(result.counts.checked, 'name')} pass ${list}`
    : `${plural(result.counts.blocked, 'name')} of ${result.counts.checked} would be blocked by ${list}`
}

/** Why a name is blocked, in words. */
export function blockedReason(blocked: BlockedName): string {
  return blocked.deniedBy
    ? `denied by \`${blocked.deniedBy.rule}\` on line ${blocked.deniedBy.line}`
    : 'no entry allows it'
}

/** @returns The headline, blocked names, then unused entries with their lines. */
export function formatCheckText(result: CheckResult): string {
  const lines = [checkHeadline(result)]
  if (result.blocked.length > 0) {
    lines.push('', 'Blocked:')
    for (const blocked of result.blocked) {
      const entry = blocked.entry === blocked.name ? '' : `; entry ${blocked.entry}`
      lines.push(`  ${blocked.name}  (${blockedReason(blocked)}${entry})`)
    }
  }
  if (result.unused.length > 0) {
    lines.push('', `Never used (${plural(result.unused.length, 'entry', 'entries')}):`)
    for (const unused of result.unused) lines.push(`  ${unused.rule}  (line ${unused.line})`)
  }
  return lines.join('\n')
}

/** @returns A job-summary section: headline, a table of blocked names, unused entries folded away. */
export function formatCheckMarkdown(result: CheckResult): string {
  const lines = [
    `### ${result.ok ? '✅' : '❌'} allowlist check`,
    '',
    `${checkHeadline(result).replace(result.against.file, inlineCode(result.against.file))}.`,
  ]
  if (result.blocked.length > 0) {
    lines.push(
      '',
      `This build queried names the list does not allow. If they are expected, add them to ${inlineCode(result.against.file)}; otherwise find out what asked for them.`,
      '',
      markdownTable(
        ['name', 'registrable domain', 'why'],
        result.blocked.map((blocked) => [
          inlineCode(blocked.name),
          inlineCode(blocked.domain),
          blocked.deniedBy
            ? `denied by ${inlineCode(blocked.deniedBy.rule)} (line ${blocked.deniedBy.line})`
            : 'no entry allows it',
        ]),
      ),
    )
  }
  if (result.unused.length > 0) {
    lines.push(
      '',
      `<details><summary>${plural(result.unused.length, 'entry', 'entries')} never used</summary>`,
      '',
      markdownTable(
        ['entry', 'line'],
        result.unused.map((unused) => [inlineCode(unused.rule), String(unused.line)]),
      ),
      '',
      '</details>',
    )
  }
  return lines.join('\n')
}
