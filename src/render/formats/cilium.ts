/**
 * `cilium`: a `CiliumNetworkPolicy` (cilium.io/v2) whose egress allows the listed names through
 * `toFQDNs`: `matchName` for an exact name; `matchName: d` plus `matchPattern: "**.d"` for a
 * domain with its subdomains. Cilium learns the addresses behind FQDN rules only from lookups
 * its DNS proxy sees, so the policy also allows DNS to kube-dns through an L7 `dns` rule.
 *
 * `**.` (any depth of subdomain) needs Cilium 1.19 or later. Older clusters take
 * `subdomains: single-level`, which writes `*.d`: Cilium matches one label with it, so
 * `a.b.d` is then not allowed, and listed names two or more labels below `d` stay in the policy.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {choiceOption, rejectUnknownOptions, stringOption} from './options.js'

export interface CiliumOptions {
  /** `metadata.name`. */
  name: string
  /** `metadata.namespace`; empty leaves it to `kubectl apply -n`. */
  namespace: string
  subdomains: 'multi-level' | 'single-level'
}

export interface CiliumView {
  header: string[]
  /** Already quoted YAML scalars. */
  name: string
  namespace: string
  /** `toFQDNs` selectors: `key` is `matchName` or `matchPattern`, `value` a quoted scalar. */
  selectors: Array<{key: 'matchName' | 'matchPattern'; value: string}>
}

/** Kubernetes object names: a DNS-1123 subdomain. */
const OBJECT_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/
/** Namespaces: a DNS-1123 label. */
const NAMESPACE = /^(?=.{1,63}$)[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/

const cilium: FormatDefinition<CiliumOptions, CiliumView> = {
  name: 'cilium',
  description: 'CiliumNetworkPolicy: egress toFQDNs (matchName / matchPattern) plus the DNS rule',
  fileName: 'cilium-network-policy.yaml',
  parseOptions(raw) {
    rejectUnknownOptions('cilium', raw, ['name', 'namespace', 'subdomains'])
    return {
      name: stringOption('cilium', raw, 'name', 'allowlist-egress', {
        test: OBJECT_NAME,
        describe: 'a Kubernetes object name (lowercase DNS-1123 subdomain)',
      }),
      namespace: stringOption('cilium', raw, 'namespace', '', {
        test: new RegExp(`^$|${NAMESPACE.source}`),
        describe: 'a Kubernetes namespace (lowercase DNS-1123 label)',
      }),
      subdomains: choiceOption(
        'cilium',
        raw,
        'subdomains',
        ['multi-level', 'single-level'],
        'multi-level',
      ),
    }
  },
  buildView(allowList, options, context) {
    const wildcard = options.subdomains === 'multi-level' ? '**.' : '*.'
    return {
      header: context.header,
      name: quote(options.name),
      namespace: options.namespace === '' ? '' : quote(options.namespace),
      // Names a wider entry already covers are left out, as far as the wildcard reaches.
      selectors: uncoveredEntries(
        allowList.entries,
        options.subdomains === 'multi-level' ? {} : {subdomainDepth: 'one' as const},
      ).flatMap((entry) => [
        {key: 'matchName' as const, value: quote(entry.name)},
        ...(entry.includesSubdomains
          ? [{key: 'matchPattern' as const, value: quote(`${wildcard}${entry.name}`)}]
          : []),
      ]),
    }
  },
}

/** A double-quoted YAML scalar; JSON string syntax is valid YAML and escapes everything. */
function quote(value: string): string {
  return JSON.stringify(value)
}

export default cilium
