/**
 * The enforcing dnsmasq lines verify puts on the bridge: one `server=/NAME/UPSTREAM` per allowed
 * name, so those names are forwarded and every other name is refused.
 *
 * To do: replace with the `dnsmasq` format of `src/render/` once it is on main; it renders the
 * same lines from an `AllowList`.
 */
import type {ListEntry} from './read-list.js'

/**
 * @param entries The allowed names. dnsmasq's `server=/name/` always covers subdomains too, so
 *   an exact entry admits its subdomains during verification; the list itself stays exact.
 * @param upstreams `address#port` servers allowed names are forwarded to.
 * @returns Sorted, de-duplicated lines.
 */
export function allowOnlyLines(
  entries: readonly ListEntry[],
  upstreams: readonly string[],
): string[] {
  const names = [...new Set(entries.map((entry) => entry.name))].sort()
  return names.flatMap((name) => upstreams.map((upstream) => `server=/${name}/${upstream}`))
}
