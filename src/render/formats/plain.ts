/**
 * `plain`: one entry a line, `.example.com` when subdomains are included and `example.com` when
 * only the name itself is. No header, so the file can feed `xargs`, `grep -f` or a Squid
 * `dstdomain "/path"` ACL as it is; names an included domain already covers are left out, as
 * Squid would warn about them.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {rejectUnknownOptions} from './options.js'

export interface PlainView {
  lines: string[]
}

const plain: FormatDefinition<Record<string, never>, PlainView> = {
  name: 'plain',
  description: 'One entry a line; a leading dot means the domain and all its subdomains',
  fileName: 'allowlist.txt',
  parseOptions(raw) {
    rejectUnknownOptions('plain', raw, [])
    return {}
  },
  buildView(allowList) {
    return {
      lines: uncoveredEntries(allowList.entries).map((entry) =>
        entry.includesSubdomains ? `.${entry.name}` : entry.name,
      ),
    }
  },
}

export default plain
