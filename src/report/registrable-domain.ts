/**
 * The registrable domain a name belongs to, used to group names for people reading a report.
 * tldts runs with the private section of the Public Suffix List, so `user.gitlab.io` is its own
 * group and never lumped under `gitlab.io`.
 */
import {getDomain} from 'tldts'

/**
 * Group key for `name`.
 *
 * @param name An observed name (may be hostile: anything tldts cannot place stays as it is).
 * @returns The registrable domain, or `name` itself when it has none (a bare suffix, an IP
 *   literal, a string that is not a hostname).
 */
export function registrableDomain(name: string): string {
  return getDomain(name, {allowPrivateDomains: true, extractHostname: false}) ?? name
}
