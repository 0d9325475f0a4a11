/**
 * How entries and rules are written in reports: `.example.com` for a domain with its
 * subdomains, `example.com` for the name alone, `*.example.com` for subdomains only, the same
 * spelling as the plain format so a reader can paste it into a list.
 */
import type {Entry} from '../graph/entry.js'
import type {ListRule} from '../lists/types.js'

/** `.name` or `name`. */
export function entryKey(entry: Pick<Entry, 'name' | 'includesSubdomains'>): string {
  return entry.includesSubdomains ? `.${entry.name}` : entry.name
}

/** A rule as its plain-list spelling; rules on the root read `*` (every name). */
export function ruleText(rule: Pick<ListRule, 'name' | 'scope'>): string {
  if (rule.name === '') return '*'
  if (rule.scope === 'subtree') return `.${rule.name}`
  if (rule.scope === 'subdomains') return `*.${rule.name}`
  return rule.name
}
