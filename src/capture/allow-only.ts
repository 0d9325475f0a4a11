/**
 * The enforcing lines verify puts on the bridge: the list rendered in the `dnsmasq` format
 * (allowed domains forwarded upstream, exact names' subdomains answered NXDOMAIN locally,
 * `no-resolv` so every other name is refused), without its comment lines.
 */
import type {AllowList, Entry} from '../graph/entry.js'
import {renderFormat} from '../render/index.js'
import type {ListEntry} from './read-list.js'

/**
 * @param entries The allowed names as read from the list.
 * @param upstreams `ADDRESS[#PORT]` servers allowed names are forwarded to.
 * @param list The list's path, for the rendered header (which is dropped).
 * @returns The dnsmasq option lines.
 */
export async function allowOnlyLines(
  entries: readonly ListEntry[],
  upstreams: readonly string[],
  list: string,
): Promise<string[]> {
  const text = await renderFormat(toAllowList(entries, list), {
    format: 'dnsmasq',
    formatOptions: {upstream: [...upstreams]},
  })
  return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))
}

/** A list read from a file as an `AllowList`: one entry per name, subdomains if any line says so. */
function toAllowList(entries: readonly ListEntry[], list: string): AllowList {
  const byName = new Map<string, Entry>()
  for (const {name, includesSubdomains} of entries) {
    const known = byName.get(name)
    if (known) {
      known.includesSubdomains ||= includesSubdomains
      continue
    }
    byName.set(name, {
      name,
      includesSubdomains,
      sources: [name],
      cnameTarget: false,
      addresses: {v4: [], v6: []},
      queries: 0,
      clients: [],
      runs: 1,
    })
  }
  const count = byName.size
  return {
    entries: [...byName.values()],
    meta: {
      generator: 'allowlist verify',
      tldtsVersion: 'unused',
      inputs: [list],
      collapse: 'exact',
      counts: {observed: count, kept: count, dropped: 0, entries: count},
    },
  }
}
