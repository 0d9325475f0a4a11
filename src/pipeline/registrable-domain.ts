/**
 * Grouping key for reports: the registrable domain of a name by the Public Suffix List including
 * its private section (asked through `src/policy/suffix-list.ts`, the one place that does), so
 * `foo.github.io` groups under itself and never under `github.io`.
 */
import {suffixFacts} from '../policy/suffix-list.js'

/**
 * @param name A lowercase hostname.
 * @returns Its registrable domain, or the name itself when it has none (a bare public suffix, a
 *   single label).
 */
export function registrableDomainOf(name: string): string {
  return suffixFacts(name).registrableDomain ?? name
}
