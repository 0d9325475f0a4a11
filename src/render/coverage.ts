/**
 * Which entries another entry already covers. Several consumers refuse or warn about overlap
 * (Squid 5/6 stop on `example.com` beside `.example.com`, and warn on `a.example.com` under it),
 * and a list without redundant lines is easier to read, so formats render only the entries left
 * after this pass, whatever policy already removed.
 */
import type {Entry} from '../graph/entry.js'

export interface CoverageOptions {
  /**
   * Treat every entry as covering its subdomains, for consumers that cannot express an exact
   * name (dnsmasq `server=/d/`, Unbound `local-zone`).
   */
  everyEntryCoversSubdomains?: boolean
  /**
   * How deep an entry's subdomains reach: any depth (the default), or one label, for consumers
   * whose wildcard matches a single label (Cilium's `*.example.com`).
   */
  subdomainDepth?: 'any' | 'one'
}

/**
 * Drop duplicate names and names under a domain that already includes its subdomains.
 *
 * @param entries Entries sorted by name (as `renderFormat` passes them).
 * @param options How to read `includesSubdomains`.
 * @returns One entry per remaining name, in the input order; an entry listed both exact and
 *   with subdomains keeps the wider form.
 */
export function uncoveredEntries(
  entries: readonly Entry[],
  options: CoverageOptions = {},
): Entry[] {
  const widest = new Map<string, Entry>()
  for (const entry of entries) {
    const seen = widest.get(entry.name)
    if (seen === undefined || (!seen.includesSubdomains && entry.includesSubdomains)) {
      widest.set(entry.name, entry)
    }
  }
  const coversSubdomains = (name: string): boolean => {
    const entry = widest.get(name)
    return entry !== undefined && (options.everyEntryCoversSubdomains || entry.includesSubdomains)
  }
  const coveringParents = (name: string): string[] =>
    options.subdomainDepth === 'one' ? parentDomains(name).slice(0, 1) : parentDomains(name)
  return [...widest.values()].filter(
    (entry) => !coveringParents(entry.name).some((parent) => coversSubdomains(parent)),
  )
}

/**
 * The proper parent domains of a name, nearest first: `a.b.c` → `b.c`, `c`.
 *
 * @param name A hostname.
 * @returns Every suffix of `name` that starts after one of its dots.
 */
export function parentDomains(name: string): string[] {
  const parents: string[] = []
  for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
    parents.push(name.slice(dot + 1))
  }
  return parents
}
