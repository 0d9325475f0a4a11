/**
 * The human report of policy messages for stderr, vfile-reporter style but grouped by rule (in
 * pipeline order) so a reader sees "4 hostile names, 3 local names" at a glance; identical
 * reasons are folded into one line with a count. Infos (rewrites such as collapsing) are only
 * counted unless `verbose` is set. Also the plain-object form of messages for `--json`.
 */
import type {VFileMessage} from 'vfile-message'
import {RULE_IDS} from './index.js'

export interface ReportOptions {
  /** Show infos (collapse, subsumption, omitted CNAME targets) too. */
  verbose?: boolean | undefined
}

/** A message as plain data for `--json`. */
export interface MessageData {
  file: string | undefined
  line: number | undefined
  column: number | undefined
  ruleId: string | undefined
  source: string | undefined
  severity: 'warning' | 'info' | 'error'
  reason: string
  actual?: string
  expected?: string[]
}

/** Whether a message is a warning (what `--strict` fails on). */
export function isWarning(message: VFileMessage): boolean {
  return message.fatal === false
}

/**
 * Messages as plain data.
 *
 * @param messages vfile messages.
 */
export function messagesToData(messages: readonly VFileMessage[]): MessageData[] {
  return messages.map((message) => ({
    file: message.file || undefined,
    line: message.line,
    column: message.column,
    ruleId: message.ruleId,
    source: message.source,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    reason: message.reason,
    ...(message.actual === undefined ? {} : {actual: message.actual}),
    ...(message.expected === undefined ? {} : {expected: message.expected}),
  }))
}

/** `file:line:column` of a message, or its file alone, or nothing. */
export function messageLocation(message: VFileMessage): string {
  if (message.line === undefined) return message.file ?? ''
  return `${message.file ? message.file + ':' : ''}${message.line}:${message.column ?? 1}`
}

/**
 * Format messages for a terminal.
 *
 * @param messages Messages of a policy run, in log order.
 * @param options What to show.
 * @returns Lines without a final newline; empty when there is nothing to say.
 */
export function formatReport(
  messages: readonly VFileMessage[],
  options: ReportOptions = {},
): string {
  const shown = messages.filter((message) => options.verbose || isWarning(message))
  const groups = new Map<string, VFileMessage[]>()
  for (const message of shown) {
    const key = message.ruleId ?? 'other'
    const group = groups.get(key)
    if (group) group.push(message)
    else groups.set(key, [message])
  }
  const order: string[] = [...RULE_IDS]
  const keys = [...groups.keys()].sort(
    (left, right) => rank(order, left) - rank(order, right) || (left < right ? -1 : 1),
  )
  const lines: string[] = []
  for (const key of keys) {
    const group = groups.get(key) ?? []
    const warnings = group.filter((message) => isWarning(message)).length
    const counts = [
      warnings > 0 ? plural(warnings, 'warning') : '',
      group.length > warnings ? plural(group.length - warnings, 'info') : '',
    ].filter(Boolean)
    lines.push(`allowlist:${key} (${counts.join(', ')})`)
    const byReason = new Map<string, VFileMessage[]>()
    for (const message of group) {
      const repeats = byReason.get(message.reason)
      if (repeats) repeats.push(message)
      else byReason.set(message.reason, [message])
    }
    for (const [reason, repeats] of byReason) {
      const first = repeats[0] as VFileMessage
      const label = isWarning(first) ? 'warning' : 'info'
      const times = repeats.length > 1 ? ` (×${repeats.length})` : ''
      lines.push(`  ${messageLocation(first) || '-'}  ${label}  ${reason}${times}`)
    }
  }
  const warnings = messages.filter((message) => isWarning(message)).length
  const infos = messages.length - warnings
  if (messages.length > 0) {
    if (lines.length > 0) lines.push('')
    const hidden = options.verbose || infos === 0 ? '' : ' (infos hidden; --verbose shows them)'
    lines.push(`${plural(warnings, 'warning')}, ${plural(infos, 'info')}${hidden}`)
  }
  return lines.join('\n')
}

function rank(order: string[], key: string): number {
  const index = order.indexOf(key)
  return index === -1 ? order.length : index
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
