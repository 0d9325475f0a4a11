/**
 * `unbound`: a `server:` clause refusing every name (`local-zone: "." refuse`) except the listed
 * domains (`local-zone: "example.com." transparent`), for `include:` in unbound.conf. A local
 * zone always covers its subdomains and Unbound has no way to let only the name itself through
 * (short of answering it locally), so exact entries are widened; the file says how many. Only
 * the question name is checked: a CNAME chain the upstream returns in one answer passes whole.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {rejectUnknownOptions} from './options.js'

export interface UnboundView {
  header: string[]
  /** Zone names with the trailing dot, sorted. */
  zones: string[]
  /** How many exact entries now pass their subdomains too. */
  widened: number
}

const unbound: FormatDefinition<Record<string, never>, UnboundView> = {
  name: 'unbound',
  description: 'Unbound server clause: refuse every name except the listed domains',
  fileName: 'allowlist.unbound.conf',
  parseOptions(raw) {
    rejectUnknownOptions('unbound', raw, [])
    return {}
  },
  buildView(allowList, _options, context) {
    const entries = uncoveredEntries(allowList.entries, {everyEntryCoversSubdomains: true})
    return {
      header: context.header,
      zones: entries.map((entry) => `${entry.name}.`),
      widened: entries.filter((entry) => !entry.includesSubdomains).length,
    }
  },
}

export default unbound
