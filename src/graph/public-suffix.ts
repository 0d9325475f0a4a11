/**
 * The one place that asks the Public Suffix List (through `tldts`, pinned exactly in
 * `package.json`). It sits in `graph` so policy, pipeline and report all import it downward. Always with the private
 * section (`allowPrivateDomains`): without it `foo.github.io` collapses to `github.io` and
 * `bucket.s3.amazonaws.com` to `amazonaws.com`. Names are hostnames already, so no URL parsing
 * (`extractHostname: false`). Lookups are cached: collapse and the public-suffix rule ask about the
 * same names.
 */
import {createRequire} from 'node:module'
import {parse} from 'tldts'

export interface SuffixFacts {
  /** The public suffix (`co.uk`, `github.io`; the last label for unknown TLDs). */
  publicSuffix: string | null
  /** The registrable domain: one label more than the suffix; `null` for a bare suffix. */
  registrableDomain: string | null
  /** `true` when the suffix comes from the PSL's private section (`github.io`, `s3.amazonaws.com`). */
  isPrivate: boolean
}

const cache = new Map<string, SuffixFacts>()

/**
 * Look `name` up in the Public Suffix List.
 *
 * @param name A lowercase ASCII (punycode) hostname.
 */
export function suffixFacts(name: string): SuffixFacts {
  let facts = cache.get(name)
  if (!facts) {
    const result = parse(name, {allowPrivateDomains: true, extractHostname: false})
    facts = {
      publicSuffix: result.publicSuffix,
      registrableDomain: result.domain,
      isPrivate: result.isPrivate === true,
    }
    if (cache.size > 100_000) cache.clear()
    cache.set(name, facts)
  }
  return facts
}

/**
 * Grouping key for reports and list comparisons: `foo.github.io` groups under itself, never under
 * `github.io`.
 *
 * @param name A lowercase hostname.
 * @returns Its registrable domain, or the name itself when it has none (a bare public suffix, a
 *   single label, an IP literal).
 */
export function registrableDomainOf(name: string): string {
  return suffixFacts(name).registrableDomain ?? name
}

/** Whether `name` is itself a public suffix (`com`, `co.uk`, `github.io`, `foo.ck`). */
export function isPublicSuffix(name: string): boolean {
  return suffixFacts(name).registrableDomain === null
}

/** The exact version of `tldts` (and so of its suffix data) in use, for headers and `--json`. */
export const TLDTS_VERSION: string = (
  createRequire(import.meta.url)('tldts/package.json') as {version: string}
).version
