/**
 * GitHub Actions output: workflow commands (`::error …::…`) and the job summary file. Values are
 * escaped as the runner's workflow-command parser expects (`%` → `%25`, CR → `%0D`, LF → `%0A`,
 * and in properties also `:` → `%3A`, `,` → `%2C`), so a name or file name can never end a
 * command early or start a new one.
 */
import {appendFile} from 'node:fs/promises'
import {outputError} from '../fs/output-error.js'
import type {CheckResult} from './check.js'
import {blockedReason} from './check-report.js'

/** Escape a command's message (the part after `::`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value (`title=`, `file=`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * One workflow command line.
 *
 * @param command `error`, `warning` or `notice`.
 * @param properties `file`, `line`, `title` …; order kept.
 * @param message The annotation text.
 */
export function workflowCommand(
  command: 'error' | 'warning' | 'notice',
  properties: Readonly<Record<string, string | number>>,
  message: string,
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',')
  return `::${command}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`
}

/**
 * Annotations for a check: an error per blocked name (on the denying line when there is one)
 * and a warning per unused entry, on the list file.
 */
export function checkAnnotations(result: CheckResult): string[] {
  const file = result.against.file
  return [
    ...result.blocked.map((blocked) =>
      workflowCommand(
        'error',
        {
          file,
          ...(blocked.deniedBy ? {line: blocked.deniedBy.line} : {}),
          title: `${blocked.name} would be blocked`,
        },
        `${blocked.name} would be blocked by ${file}: ${blockedReason(blocked).replace(/`/g, '')} (needed by entry ${blocked.entry})`,
      ),
    ),
    ...result.unused.map((unused) =>
      workflowCommand(
        'warning',
        {file, line: unused.line, title: `Unused entry ${unused.rule}`},
        `No checked name needed ${unused.rule}`,
      ),
    ),
  ]
}

/**
 * Append a section to the job summary.
 *
 * @param path `$GITHUB_STEP_SUMMARY`.
 * @param markdown The section; a blank line is added after it so sections stay apart.
 */
export async function appendJobSummary(path: string, markdown: string): Promise<void> {
  try {
    await appendFile(path, `${markdown}\n\n`)
  } catch (error) {
    throw outputError(path, error, `the job summary \`${path}\``)
  }
}
