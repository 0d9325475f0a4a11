/**
 * Grouping key for reports: the registrable domain of a name by the Public Suffix List including
 * its private section, so `foo.github.io` groups under itself and never under `github.io`.
 */
import {getDomain} from 'tldts'

/**
 * @param name A lowercase hostname.
 * @returns Its registrable domain, or the name itself when it has none (a bare public suffix, a
 *   single label).
 */
export function registrableDomainOf(name: string): string {
  return getDomain(name, {allowPrivateDomains: true, extractHostname: false}) ?? name
}
