/**
 * A parsed list seen as an `AllowList`, so `diff` can compare a list file with a compiled one.
 * Each allowed name becomes one entry whose `includesSubdomains` says what the name's own rules
 * do below it (a dnsmasq `server=/d/` with `local=/*.d/` is an exact entry), decided by the same
 * matcher `check` uses. The file says nothing about observed names, so `sources` stay empty.
 */
import type {AllowList, Entry} from '../graph/entry.js'
import {TLDTS_VERSION} from '../graph/public-suffix.js'
import {createMatcher} from './match.js'
import type {ParsedList} from './types.js'

/**
 * @param list A parsed list file.
 * @returns Its entries sorted by name. A name whose subdomains are allowed but which is not
 *   itself (RPZ `*.d` alone) is reported as including subdomains: `AllowList` has no other form.
 */
export function allowListFromRules(list: ParsedList): AllowList {
  const matcher = createMatcher(list)
  const names = [
    ...new Set(
      list.rules.filter((rule) => rule.allow && rule.name !== '').map((rule) => rule.name),
    ),
  ]
  const entries: Entry[] = []
  for (const name of names.sort()) {
    const self = matcher.decide(name).allowed
    // Only the name's own rules make it a domain entry: `a.example.com` under `.example.com`
    // stays an exact entry, as it was written.
    const belowVerdict = matcher.decideBelow(name)
    const below = belowVerdict.allowed && belowVerdict.rule?.name === name
    if (!self && !below) continue
    entries.push({
      name,
      includesSubdomains: below,
      sources: [],
      cnameTarget: false,
      addresses: {v4: [], v6: []},
      queries: 0,
      clients: [],
      runs: 0,
    })
  }
  return {
    entries,
    meta: {
      generator: `${list.syntax} list`,
      tldtsVersion: TLDTS_VERSION,
      inputs: [list.file],
      collapse: 'exact',
      counts: {observed: 0, kept: 0, dropped: 0, entries: entries.length},
    },
  }
}
