/**
 * `haproxy`: ACL lines matching the TLS SNI (`req.ssl_sni`) of a `mode tcp` frontend against the
 * list. Lines sharing one ACL name are ORed by HAProxy, so one name carries the whole list:
 * `-m str d` for an exact name, and `-m end .d` plus `-m str d` for a domain with its
 * subdomains (`-m end d` alone would also match `evild`). Paste the lines into the frontend
 * and use the ACL, e.g. `tcp-request content reject unless allowlist`.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {rejectUnknownOptions, stringOption} from './options.js'

export interface HaproxyOptions {
  /** The ACL name the lines define. */
  acl: string
}

export interface HaproxyView {
  header: string[]
  lines: string[]
}

/** Characters HAProxy accepts in an ACL name. */
const ACL_NAME = /^[A-Za-z0-9_.:-]{1,64}$/

const haproxy: FormatDefinition<HaproxyOptions, HaproxyView> = {
  name: 'haproxy',
  description: 'HAProxy ACL lines on the TLS SNI (req.ssl_sni -m str d / -m end .d)',
  fileName: 'haproxy-sni-acl.cfg',
  parseOptions(raw) {
    rejectUnknownOptions('haproxy', raw, ['acl'])
    return {
      acl: stringOption('haproxy', raw, 'acl', 'allowlist', {
        test: ACL_NAME,
        describe: 'an ACL name (letters, digits, `_`, `.`, `:`, `-`)',
      }),
    }
  },
  buildView(allowList, options, context) {
    const prefix = `acl ${options.acl} req.ssl_sni -i`
    return {
      header: context.header,
      lines: [
        // Defines the ACL even for an empty list, so a frontend using it still loads (and
        // rejects everything); false ORed with the lines below changes nothing.
        `acl ${options.acl} always_false`,
        ...uncoveredEntries(allowList.entries).flatMap((entry) => [
          `${prefix} -m str ${entry.name}`,
          ...(entry.includesSubdomains ? [`${prefix} -m end .${entry.name}`] : []),
        ]),
      ],
    }
  },
}

export default haproxy
