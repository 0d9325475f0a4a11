/**
 * `json`: the allow-list with its provenance (sources, counts, clients, addresses) and the meta
 * block, for programs. The view holds the serialised document so the template stays trivial and
 * JSON escaping is done by `JSON.stringify`, never by hand.
 */
import type {FormatDefinition} from './types.js'
import {rejectUnknownOptions} from './options.js'

/** Version of the document this format writes. */
export const ALLOWLIST_JSON_SCHEMA = 'allowlist-list/1'

export interface JsonView {
  document: string
}

const json: FormatDefinition<Record<string, never>, JsonView> = {
  name: 'json',
  description: 'Entries with provenance (sources, counts, clients, addresses) and policy meta',
  fileName: 'allowlist.json',
  parseOptions(raw) {
    rejectUnknownOptions('json', raw, [])
    return {}
  },
  buildView(allowList) {
    const document = {
      schema: ALLOWLIST_JSON_SCHEMA,
      meta: allowList.meta,
      entries: allowList.entries,
    }
    return {document: JSON.stringify(document, null, 2)}
  },
}

export default json
