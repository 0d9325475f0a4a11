/**
 * `pac`: a proxy auto-config file. `FindProxyForURL` lowercases the host, strips one trailing
 * dot and walks its labels (`a.b.example.com`, `b.example.com`, `example.com`, `com`), looking
 * each suffix up in an object literal with `hasOwnProperty`: O(labels) whatever the list size.
 * An entry with subdomains matches any suffix; an exact entry matches only the whole host.
 * IP literals always get the blocked result (the list is made of names), and a plain host
 * without dots is looked up like any name, so it passes only when listed. Plain ES3: no `let`,
 * no `JSON`, no trailing commas, so every PAC engine runs it.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {rejectUnknownOptions, stringOption} from './options.js'

export interface PacOptions {
  /** What allowed hosts get, e.g. `DIRECT` or `PROXY proxy.example:3128`. */
  allowed: string
  /** What every other host gets; the default is a proxy that nothing listens on. */
  blocked: string
}

export interface PacView {
  header: string[]
  /** JavaScript string literals. */
  allowed: string
  blocked: string
  /** `key`: a JavaScript string literal; `subdomains`: the entry covers its subdomains. */
  entries: {key: string; subdomains: boolean}[]
}

/** Port 9 (discard) on loopback: requests fail at once instead of leaking around the proxy. */
export const DEFAULT_BLOCKED = 'PROXY 127.0.0.1:9'

const PROXY =
  '(?:PROXY|HTTP|HTTPS|SOCKS|SOCKS4|SOCKS5) (?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):\\d{1,5}'
const STEP = `(?:DIRECT|${PROXY})`
/** One PAC result: steps separated by `;`, as browsers try them in order. */
const PAC_RESULT = {
  test: new RegExp(`^${STEP}(?:; ?${STEP})*$`),
  describe: '`DIRECT` or `PROXY host:port` (also HTTPS/SOCKS/SOCKS5), several joined by `; `',
}

const pac: FormatDefinition<PacOptions, PacView> = {
  name: 'pac',
  description: 'Proxy auto-config: allowed hosts DIRECT (or a proxy), others to a blackhole proxy',
  fileName: 'allowlist.pac',
  parseOptions(raw) {
    rejectUnknownOptions('pac', raw, ['allowed', 'blocked'])
    return {
      allowed: stringOption('pac', raw, 'allowed', 'DIRECT', PAC_RESULT),
      blocked: stringOption('pac', raw, 'blocked', DEFAULT_BLOCKED, PAC_RESULT),
    }
  },
  buildView(allowList, options, context) {
    return {
      header: context.header,
      allowed: JSON.stringify(options.allowed),
      blocked: JSON.stringify(options.blocked),
      entries: uncoveredEntries(allowList.entries).map((entry) => ({
        key: JSON.stringify(entry.name),
        subdomains: entry.includesSubdomains,
      })),
    }
  },
}

export default pac
