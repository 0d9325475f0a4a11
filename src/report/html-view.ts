/**
 * The report model turned into the HTML template's view: every string from the log escaped
 * here, once, so the template only lays out text that is already safe.
 */
import {escapeHtml} from './html-escape.js'
import type {EntryBlock, NameRow, ReportModel} from './model.js'

export interface RowView {
  name: string
  spellings: string
  status: string
  /** The `data-entry` id linking the row to its entry row; empty outside the allow-list. */
  entry: string
  types: string
  queries: number
  clients: string
  outcomes: Array<{outcome: string; count: number}>
  rule: string
  reason: string
  place: string
  /** Lowercase text the filter box searches. */
  search: string
}

export interface HtmlView {
  header: string[]
  counts: Array<{key: string; label: string; value: number}>
  sources: Array<{
    file: string
    shape: string
    gzip: boolean
    lines: number
    queries: number
    unparsed: number
  }>
  rowCount: number
  entryCount: number
  domainCount: number
  otherCount: number
  cnameLinks: number
  allowed: Array<{
    domain: string
    entries: Array<{id: string; label: string; detail: string; names: RowView[]}>
  }>
  others: Array<{domain: string; names: RowView[]}>
}

/**
 * Build the escaped view.
 *
 * @param model The report model.
 * @param header Header lines (generator, inputs, policy, counts, optional timestamp).
 * @returns The view minus the page furniture (style, script, CSP, SVG) the caller adds.
 */
export function buildHtmlView(model: ReportModel, header: readonly string[]): HtmlView {
  let entryId = 0
  const allowed = model.allowed.map((group) => ({
    domain: escapeHtml(group.domain),
    entries: group.items.map((block) => {
      const id = `e${entryId++}`
      return {
        id,
        label: escapeHtml(entryLabel(block)),
        detail: escapeHtml(entryDetail(block)),
        names: block.names.map((row) => toRowView(row, id, block.entry.name)),
      }
    }),
  }))
  const others = model.others.map((group) => ({
    domain: escapeHtml(group.domain),
    names: group.items.map((row) => toRowView(row, '', '')),
  }))
  const {counts} = model
  const otherCount = others.reduce((sum, group) => sum + group.names.length, 0)
  const allowedRows = allowed.reduce(
    (sum, group) => sum + group.entries.reduce((inner, entry) => inner + entry.names.length, 0),
    0,
  )
  return {
    header: header.map(escapeHtml),
    counts: [
      {key: 'observed', label: 'names observed', value: counts.observed},
      {key: 'kept', label: 'kept', value: counts.kept},
      {key: 'dropped', label: 'dropped', value: counts.dropped},
      ...(counts.undecided > 0
        ? [{key: 'undecided', label: 'undecided', value: counts.undecided}]
        : []),
      {key: 'entries', label: 'list entries', value: counts.entries},
      {key: 'domains', label: 'registrable domains', value: counts.domains},
      {key: 'clients', label: 'clients', value: counts.clients},
      {key: 'cname', label: 'CNAME links', value: counts.cnameLinks},
    ],
    sources: model.sources.map((source) => ({
      file: escapeHtml(source.file),
      shape: escapeHtml(source.shape),
      gzip: source.gzip,
      lines: source.lines,
      queries: source.queries,
      unparsed: source.unparsed,
    })),
    rowCount: allowedRows + otherCount,
    entryCount: counts.entries,
    domainCount: counts.domains,
    otherCount,
    cnameLinks: counts.cnameLinks,
    allowed,
    others,
  }
}

/** `.example.com` for a domain with its subdomains, the bare name otherwise (as `plain` writes). */
function entryLabel({entry}: EntryBlock): string {
  return entry.includesSubdomains ? `.${entry.name}` : entry.name
}

function entryDetail({entry, names}: EntryBlock): string {
  const parts = [
    entry.includesSubdomains ? 'with subdomains' : 'exact name',
    `${plural(names.length, 'name')}`,
    `${plural(entry.queries, 'query', 'queries')}`,
    `${plural(entry.clients.length, 'client')}`,
  ]
  if (entry.cnameTarget) parts.push('CNAME target')
  if (entry.runs > 1) parts.push(`in ${entry.runs} runs`)
  return parts.join(' · ')
}

function toRowView(row: NameRow, entry: string, entryName: string): RowView {
  const types = row.types.map(({type, count}) => `${type} ${count}`).join(', ')
  const rule = row.decision?.ruleId ?? (row.status === 'undecided' ? '—' : '')
  const reason = row.decision?.reason ?? 'no policy decision recorded'
  const clients = row.clients.join(', ')
  const search = [
    row.name,
    ...row.otherSpellings,
    entryName,
    row.status,
    types,
    clients,
    rule,
    reason,
    ...row.outcomes.map(({outcome}) => outcome),
  ]
    .join(' ')
    .toLowerCase()
  return {
    name: escapeHtml(row.name),
    spellings: escapeHtml(row.otherSpellings.join(', ')),
    status: row.status,
    entry,
    types: escapeHtml(types),
    queries: row.queries,
    clients: escapeHtml(clients),
    outcomes: row.outcomes.map(({outcome, count}) => ({outcome: escapeHtml(outcome), count})),
    rule: escapeHtml(rule),
    reason: withCodeSpans(escapeHtml(reason)),
    place: withBreaksAfterSlashes(escapeHtml(row.firstPlace ?? '')),
    search: escapeHtml(search),
  }
}

/**
 * Show the backticked values of rule messages (`Unexpected \`<\` in name`) as code. Runs on
 * escaped text, so the spans can only wrap text, never markup.
 */
function withCodeSpans(escaped: string): string {
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>')
}

/** Let long `file:line` paths wrap after a `/`; runs on escaped text, like `withCodeSpans`. */
function withBreaksAfterSlashes(escaped: string): string {
  return escaped.replace(/\//g, '/<wbr>')
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}
