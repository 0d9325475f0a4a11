/**
 * Comparing two allow-lists: which entries one has and the other lacks, grouped by registrable
 * domain so related changes read together, each with the observed names behind it. An entry is
 * its name plus whether it includes subdomains, so widening `example.com` to `.example.com`
 * shows as one removal and one addition in the same group.
 */
import type {AllowList, Entry} from '../graph/entry.js'
import {compareStrings as compare} from './compare.js'
import {entryKey} from './entry-key.js'
import {registrableDomainOf} from '../graph/public-suffix.js'

/** Version of the `--json` document of `allowlist diff`. */
export const DIFF_SCHEMA = 'allowlist-diff/1'

export interface DiffEntry {
  /** `.example.com` (with subdomains) or `example.com` (exact). */
  entry: string
  name: string
  includesSubdomains: boolean
  /** Observed names behind the entry; empty when its list does not record them (plain lists). */
  sources: string[]
}

export interface DiffGroup {
  /** Registrable domain (Public Suffix List with private suffixes), or the name when it has none. */
  domain: string
  added: DiffEntry[]
  removed: DiffEntry[]
}

export interface ListDiff {
  schema: typeof DIFF_SCHEMA
  old: {inputs: string[]; entries: number}
  new: {inputs: string[]; entries: number}
  /** `true` when both lists have exactly the same entries. */
  same: boolean
  counts: {added: number; removed: number; unchanged: number}
  /** Groups with at least one change, sorted by domain; entries sorted by name. */
  groups: DiffGroup[]
}

/**
 * @param before The old list.
 * @param after The new list.
 * @param inputs The paths each list came from, for the report.
 * @returns The entries added and removed, grouped.
 */
export function diffAllowLists(
  before: AllowList,
  after: AllowList,
  inputs: {old: string[]; new: string[]},
): ListDiff {
  const oldEntries = byKey(before.entries)
  const newEntries = byKey(after.entries)
  const groups = new Map<string, DiffGroup>()
  const groupOf = (name: string): DiffGroup => {
    const domain = registrableDomainOf(name)
    let group = groups.get(domain)
    if (!group) {
      group = {domain, added: [], removed: []}
      groups.set(domain, group)
    }
    return group
  }
  let unchanged = 0
  for (const [key, entry] of newEntries) {
    if (oldEntries.has(key)) unchanged++
    else groupOf(entry.name).added.push(diffEntry(entry))
  }
  for (const [key, entry] of oldEntries) {
    if (!newEntries.has(key)) groupOf(entry.name).removed.push(diffEntry(entry))
  }
  const sorted = [...groups.values()].sort((a, b) => compare(a.domain, b.domain))
  for (const group of sorted) {
    group.added.sort((a, b) => compare(a.entry, b.entry))
    group.removed.sort((a, b) => compare(a.entry, b.entry))
  }
  const added = sorted.reduce((sum, group) => sum + group.added.length, 0)
  const removed = sorted.reduce((sum, group) => sum + group.removed.length, 0)
  return {
    schema: DIFF_SCHEMA,
    old: {inputs: inputs.old, entries: oldEntries.size},
    new: {inputs: inputs.new, entries: newEntries.size},
    same: added === 0 && removed === 0,
    counts: {added, removed, unchanged},
    groups: sorted,
  }
}

/** Entries by `.name`/`name`; a list naming one entry twice counts it once, with merged sources. */
function byKey(entries: readonly Entry[]): Map<string, Entry> {
  const map = new Map<string, Entry>()
  for (const entry of entries) {
    const key = entryKey(entry)
    const seen = map.get(key)
    map.set(
      key,
      seen ? {...seen, sources: [...new Set([...seen.sources, ...entry.sources])].sort()} : entry,
    )
  }
  return map
}

function diffEntry(entry: Entry): DiffEntry {
  return {
    entry: entryKey(entry),
    name: entry.name,
    includesSubdomains: entry.includesSubdomains,
    sources: [...entry.sources].sort(),
  }
}
