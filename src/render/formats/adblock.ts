/**
 * `adblock`: allow (exception) rules in the Adblock Plus syntax that uBlock Origin and AdGuard
 * share. A domain with its subdomains is `@@||d^`. An exact name has no host-only anchor in
 * that syntax (`||` always takes subdomains too), so it is anchored at the start of the URL,
 * once per scheme: `@@|https://d^` matches `https://d/…` and `https://d:8443/…` but neither
 * `https://a.d/` nor `https://d.evil.example/`.
 *
 * `syntax: dns` writes AdGuard Home / AdGuard DNS rules instead, which match host names, not
 * URLs: `@@||d^` and, for an exact name, `@@|d^`.
 *
 * These are exceptions: they allow only what a blocking rule would otherwise block. Pair the
 * list with a rule that blocks everything else.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {choiceOption, rejectUnknownOptions, stringOption} from './options.js'

export interface AdblockOptions {
  syntax: 'browser' | 'dns'
  /** `! Title:` line for list managers; empty for none. */
  title: string
}

export interface AdblockView {
  header: string[]
  title: string
  rules: string[]
}

/** URL schemes a browser-level exact-name exception covers: pages, requests and WebSockets. */
const SCHEMES = ['http', 'https', 'ws', 'wss']

const adblock: FormatDefinition<AdblockOptions, AdblockView> = {
  name: 'adblock',
  description:
    'AdGuard / uBlock Origin allow rules: @@||d^ for domains, scheme-anchored exact names',
  fileName: 'allowlist-adblock.txt',
  parseOptions(raw) {
    rejectUnknownOptions('adblock', raw, ['syntax', 'title'])
    return {
      syntax: choiceOption('adblock', raw, 'syntax', ['browser', 'dns'], 'browser'),
      title: stringOption('adblock', raw, 'title', '', {
        // A title ends at the line; anything else printable is fine in a `!` comment.
        test: /^[\x20-\x7e]{0,200}$/,
        describe: 'printable ASCII text of at most 200 characters',
      }),
    }
  },
  buildView(allowList, options, context) {
    return {
      header: context.header,
      title: options.title,
      rules: uncoveredEntries(allowList.entries).flatMap((entry) => {
        if (entry.includesSubdomains) return [`@@||${entry.name}^`]
        if (options.syntax === 'dns') return [`@@|${entry.name}^`]
        return SCHEMES.map((scheme) => `@@|${scheme}://${entry.name}^`)
      }),
    }
  },
}

export default adblock
