/**
 * The allow-list as data: what policy produces from a graph and what every renderer consumes.
 * It lives beside the graph types so that policy and render both depend downwards on it and not
 * on each other.
 */

/** One line of an allow-list. */
export interface Entry {
  /** Lowercase ASCII (punycode) hostname, no trailing dot. Always a valid hostname. */
  name: string
  /** `true` when every subdomain is allowed too (`.example.com` in Squid). */
  includesSubdomains: boolean
  /** The observed names this entry stands for, sorted. */
  sources: string[]
  /** `true` when the entry is here only because a kept name is a CNAME for it. */
  cnameTarget: boolean
  /** Addresses observed for the names behind the entry, CNAME chains followed; sorted. */
  addresses: {v4: string[]; v6: string[]}
  /** Queries behind the entry, summed over its sources. */
  queries: number
  /** Clients that asked for any of its sources, sorted. */
  clients: string[]
  /** Fewest runs any of its sources appeared in (stability across captures). */
  runs: number
}

/** Facts for output headers and `--json`; nothing here changes between two identical runs. */
export interface AllowListMeta {
  /** `allowlist <version>`. */
  generator: string
  /** The exact `tldts` version whose Public Suffix List decided collapsing. */
  tldtsVersion: string
  /** Inputs as given (paths, `-`). */
  inputs: string[]
  /** Collapse mode used. */
  collapse: 'exact' | 'registrable' | 'auto'
  /** How many observed names were kept and dropped. */
  counts: {observed: number; kept: number; dropped: number; entries: number}
}

/** The allow-list: entries sorted by name, CNAME targets included only when policy asks. */
export interface AllowList {
  entries: Entry[]
  meta: AllowListMeta
}
