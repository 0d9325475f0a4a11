/**
 * `squid`: `acl allowlist dstdomain` lines for `include`, or (`mode: file`) a plain domain file
 * for `acl NAME dstdomain "/path"`. `.example.com` allows the domain and its subdomains,
 * `example.com` only itself. Squid 5/6 refuse to start on `example.com` beside `.example.com` and
 * warn about names under an included domain, so covered names are dropped here even when policy
 * has already removed them. `httpAccess` appends `http_access allow NAME` / `deny all`.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {
  booleanOption,
  choiceOption,
  optionError,
  rejectUnknownOptions,
  stringOption,
} from './options.js'

/**
 * What an empty list holds instead: Squid warns about an empty ACL, and a missing one makes every
 * `http_access` line naming it fatal. `.invalid` can never resolve (RFC 6761), so it matches nothing.
 */
const NOTHING = '.invalid'

export interface SquidOptions {
  /** `acl`: `acl NAME dstdomain …` lines; `file`: the bare domain list an ACL can load. */
  mode: 'acl' | 'file'
  /** The ACL name. */
  acl: string
  /** Append `http_access allow NAME` and `http_access deny all` (acl mode only). */
  httpAccess: boolean
}

export interface SquidView {
  header: string[]
  /** `true` for the bare domain list. */
  file: boolean
  acl: string
  /** `.example.com` or `example.com`, sorted, no overlap; never empty. */
  domains: string[]
  /** The list had no entries: `domains` holds only a name that matches nothing. */
  empty: boolean
  httpAccess: boolean
}

const squid: FormatDefinition<SquidOptions, SquidView> = {
  name: 'squid',
  description:
    'Squid dstdomain ACL lines (or a domain file), overlaps removed; optional http_access',
  fileName: 'allowlist.squid.conf',
  parseOptions(raw) {
    rejectUnknownOptions('squid', raw, ['mode', 'acl', 'httpAccess'])
    const options: SquidOptions = {
      mode: choiceOption('squid', raw, 'mode', ['acl', 'file'], 'acl'),
      acl: stringOption('squid', raw, 'acl', 'allowlist', {
        test: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
        describe: 'a letter then up to 63 letters, digits, `_` or `-`',
      }),
      httpAccess: booleanOption('squid', raw, 'httpAccess', false),
    }
    if (options.mode === 'file' && options.httpAccess) {
      throw optionError(
        'squid',
        'httpAccess',
        true,
        '`false` with `mode` `file` (a list file holds names only)',
      )
    }
    return options
  },
  buildView(allowList, options, context) {
    const domains = uncoveredEntries(allowList.entries).map((entry) =>
      entry.includesSubdomains ? `.${entry.name}` : entry.name,
    )
    return {
      header: context.header,
      file: options.mode === 'file',
      acl: options.acl,
      domains: domains.length > 0 ? domains : [NOTHING],
      empty: domains.length === 0,
      httpAccess: options.httpAccess,
    }
  },
}

export default squid
