/**
 * fast-check generators for names and allow-lists, shared by the property tests. Names are small
 * (few labels, short labels) so that generated lists overlap often: parents, children, siblings.
 */
import fc from 'fast-check'
import type {AllowList, Entry} from '../../src/graph/entry.js'
import {uncoveredEntries} from '../../src/render/coverage.js'
import {allowListOf, entry} from './allow-list.js'

/** A short LDH label from a small alphabet, so collisions between generated names are common. */
export const label = fc.stringMatching(/^[a-c](?:[a-c0-9-]?[a-c0-9])?$/)

/** A hostname of one to three labels under a few real TLDs. */
export const hostname = fc
  .tuple(fc.array(label, {minLength: 1, maxLength: 3}), fc.constantFrom('com', 'org', 'io'))
  .map(([labels, tld]) => [...labels, tld].join('.'))

/** An entry whose sources are the name itself or, for a domain entry, names under it. */
export const listEntry: fc.Arbitrary<Entry> = fc
  .tuple(
    hostname,
    fc.boolean(),
    fc.array(fc.array(label, {minLength: 1, maxLength: 2}), {maxLength: 3}),
  )
  .map(([name, includesSubdomains, prefixes]) =>
    entry(name, {
      includesSubdomains,
      sources: includesSubdomains
        ? [...new Set([name, ...prefixes.map((prefix) => `${prefix.join('.')}.${name}`)])].sort()
        : [name],
    }),
  )

/** A list with one entry per name, sorted, as policy emits it. */
export const allowList: fc.Arbitrary<AllowList> = fc
  .uniqueArray(listEntry, {
    maxLength: 12,
    selector: (item) => item.name,
  })
  .map((entries) =>
    allowListOf([...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))),
  )

/**
 * A list as policy emits it after subsumption: no name under a domain entry that includes its
 * subdomains (renderers drop such names too, so only these lists survive a round trip as is).
 */
export const subsumedAllowList: fc.Arbitrary<AllowList> = allowList.map((list) =>
  allowListOf(uncoveredEntries(list.entries)),
)
