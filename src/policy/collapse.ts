/**
 * `allowlist:collapse`: choose the entry each kept name maps to.
 *
 * - `exact`: the name itself, matching only itself;
 * - `registrable` (default): its registrable domain with every subdomain (`a.b.deep.co.uk` →
 *   `.deep.co.uk`), per the Public Suffix List with its private section, so `foo.github.io` stays
 *   `.foo.github.io`;
 * - `auto`: like `registrable`, but names under a PSL private-section suffix or a configured
 *   `multiTenant` suffix stay exact, since their neighbours belong to other people.
 *
 * Names matching `keep` and CNAME targets (with `cnameTargets: include`) stay exact in every
 * mode, and a name never collapses onto a domain under which an `exclude` pattern matches
 * something: exclusion wins.
 */
import {code, isUnder} from './names.js'
import {isCnameTargetOnly, keptNodes} from './nodes.js'
import {overlapsSubtree, parsePatterns, findPattern} from './patterns.js'
import {createRule, type Verdict} from './rule.js'
import {suffixFacts} from '../graph/public-suffix.js'

export const COLLAPSE_MODES = ['exact', 'registrable', 'auto'] as const
export type CollapseMode = (typeof COLLAPSE_MODES)[number]

export interface Options {
  collapse?: CollapseMode | undefined
  /** Suffixes whose subdomains belong to different owners; names under them stay exact. */
  multiTenant?: readonly string[] | undefined
  /** Patterns of names never collapsed. */
  keep?: readonly string[] | undefined
  /** The `exclude` patterns: no entry may cover a name they match. */
  exclude?: readonly string[] | undefined
}

const collapse = createRule<Options>('collapse', (options) => {
  const mode = options?.collapse ?? 'registrable'
  if (!COLLAPSE_MODES.includes(mode)) {
    throw new TypeError(
      `collapse: Unexpected value \`${String(mode)}\`, expected \`exact\`, \`registrable\` or \`auto\``,
    )
  }
  const multiTenant = (options?.multiTenant ?? []).map((suffix) =>
    suffix.toLowerCase().replace(/^\.+/, ''),
  )
  const keep = parsePatterns(options?.keep, 'keep')
  const exclude = parsePatterns(options?.exclude, 'exclude')

  /** The verdict for one name. */
  function choose(name: string, cnameTargetOnly: boolean): Verdict {
    const exact = (reason: string, severity: Verdict['severity'] = 'info'): Verdict => ({
      kept: true,
      entry: name,
      includesSubdomains: false,
      reason,
      severity,
    })
    const kept = findPattern(keep, name)
    if (kept) return exact(`Kept ${code(name)} exact by \`keep\` pattern ${code(kept.source)}`)
    if (mode === 'exact') return exact(`Kept ${code(name)} exact (\`collapse: exact\`)`, 'silent')
    // A CDN name behind an alias: widening it would allow the CDN's other customers.
    if (cnameTargetOnly) return exact(`Kept CNAME target ${code(name)} exact`)
    const facts = suffixFacts(name)
    const domain = facts.registrableDomain
    if (domain === null) return exact(`Kept ${code(name)} exact: it has no registrable domain`)
    if (mode === 'auto') {
      const tenant = multiTenant.find((suffix) => isUnder(name, suffix))
      if (tenant !== undefined) {
        return exact(`Kept ${code(name)} exact under multi-tenant suffix ${code(tenant)}`)
      }
      if (facts.isPrivate) {
        return exact(
          `Kept ${code(name)} exact under private-section suffix ${code(facts.publicSuffix ?? '')}`,
        )
      }
    }
    const blocking = exclude.find((pattern) => overlapsSubtree(pattern, domain))
    if (blocking) {
      return exact(
        `Kept ${code(name)} exact: \`exclude\` pattern ${code(blocking.source)} lies under ${code('.' + domain)}`,
      )
    }
    return {
      kept: true,
      entry: domain,
      includesSubdomains: true,
      reason:
        domain === name
          ? `Allowed ${code(name)} with its subdomains as ${code('.' + domain)} (registrable domain)`
          : `Collapsed ${code(name)} into ${code('.' + domain)} (registrable domain)`,
    }
  }

  return (tree, {decide}) => {
    for (const node of keptNodes(tree)) {
      if (node.data?.decision?.entry !== undefined) continue
      const observation = node.data?.observation
      const targetOnly = observation !== undefined && isCnameTargetOnly(observation)
      decide(node, {...choose(node.name, targetOnly), pinned: node.data?.decision?.pinned ?? false})
    }
  }
})

export default collapse
