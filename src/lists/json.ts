/**
 * `json` lists (`"schema": "allowlist-list/1"`): the full allow-list with provenance. `diff`
 * reads it whole (sources included); `check` reads its entries as rules.
 */
import {AllowlistError} from '../errors.js'
import type {AllowList, Entry} from '../graph/entry.js'
import {isHostname} from '../graph/hostname.js'
import {ALLOWLIST_JSON_SCHEMA} from '../render/formats/json.js'
import type {ListRule, ParsedList} from './types.js'

/**
 * Read an `allowlist-list/1` document.
 *
 * @param text The file content.
 * @param file The path, for messages.
 * @returns The allow-list as it was written.
 */
export function readAllowListDocument(text: string, file: string): AllowList {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new AllowlistError(
      `${file}: Unexpected content, expected JSON: ${(error as Error).message}`,
      {
        exit: 'input',
        file,
        cause: error,
      },
    )
  }
  const record = document as {schema?: unknown; entries?: unknown; meta?: unknown}
  if (record === null || typeof record !== 'object' || record.schema !== ALLOWLIST_JSON_SCHEMA) {
    throw new AllowlistError(
      `${file}: Unexpected schema \`${JSON.stringify(record?.schema)}\`, expected \`${ALLOWLIST_JSON_SCHEMA}\``,
      {exit: 'input', file},
    )
  }
  if (!Array.isArray(record.entries) || typeof record.meta !== 'object' || record.meta === null) {
    throw new AllowlistError(
      `${file}: Unexpected document, expected \`meta\` and an \`entries\` array`,
      {
        exit: 'input',
        file,
      },
    )
  }
  record.entries.forEach((entry: unknown, index) => assertEntry(entry, file, index))
  return {entries: record.entries as Entry[], meta: record.meta as AllowList['meta']}
}

/** Parse an `allowlist-list/1` document as rules. */
export function parseJsonList(text: string, file: string): ParsedList {
  const {entries} = readAllowListDocument(text, file)
  const lines = entryLines(text, entries.length)
  const rules: ListRule[] = entries.map((entry, index) => ({
    name: entry.name,
    scope: entry.includesSubdomains ? 'subtree' : 'name',
    allow: true,
    line: lines[index] ?? 1,
  }))
  return {file, syntax: 'json', rules, defaultAllow: false}
}

function assertEntry(entry: unknown, file: string, index: number): void {
  const candidate = entry as Partial<Entry> | null
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.name !== 'string' ||
    !isHostname(candidate.name) ||
    typeof candidate.includesSubdomains !== 'boolean' ||
    !Array.isArray(candidate.sources) ||
    // Sources are printed and checked as names: anything else would reach terminals and reports.
    !candidate.sources.every((source) => typeof source === 'string' && isHostname(source))
  ) {
    throw new AllowlistError(
      `${file}: Unexpected entry ${index + 1} \`${JSON.stringify(entry)?.slice(0, 80)}\`, expected \`name\` (a hostname), \`includesSubdomains\` and \`sources\` (hostnames)`,
      {exit: 'input', file},
    )
  }
}

/** Lines of each entry's `"name"` key in a pretty-printed document; empty when minified. */
function entryLines(text: string, count: number): number[] {
  const lines: number[] = []
  text.split('\n').forEach((line, index) => {
    if (/^\s*"name":\s*"/.test(line)) lines.push(index + 1)
  })
  return lines.length === count ? lines : []
}
