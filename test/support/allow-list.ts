/**
 * Build `AllowList` values for render tests without going through ingest and policy.
 */
import type {AllowList, Entry} from '../../src/graph/entry.js'

/** An entry with empty provenance; pass fields to override. */
export function entry(name: string, fields: Partial<Entry> = {}): Entry {
  return {
    name,
    includesSubdomains: false,
    sources: [name],
    cnameTarget: false,
    addresses: {v4: [], v6: []},
    queries: 1,
    clients: [],
    runs: 1,
    ...fields,
  }
}

/** A list around `entries` with fixed, test-friendly meta. */
export function allowListOf(entries: Entry[], inputs: string[] = ['dns.log']): AllowList {
  return {
    entries,
    meta: {
      generator: 'allowlist 0.0.0-test',
      tldtsVersion: '0.0.0',
      inputs,
      collapse: 'registrable',
      counts: {observed: entries.length, kept: entries.length, dropped: 0, entries: entries.length},
    },
  }
}
