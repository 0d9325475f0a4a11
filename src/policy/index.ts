/**
 * The policy: every rule in its fixed order, assembled from the config, and `applyPolicy`, which
 * runs them over a graph and returns the allow-list with the messages saying what was dropped or
 * rewritten and why. The order is the documentation: a name meets the rules top to bottom and
 * the first one that drops it has the last word (`explain` shows the whole trail).
 */
import type {PluggableList} from 'unified'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {AllowList} from '../graph/entry.js'
import type {Root} from '../graph/types.js'
import {buildAllowList} from './allow-list.js'
import clients from './clients.js'
import cnameTargets, {type Options as CnameTargetOptions} from './cname-targets.js'
import collapse, {type CollapseMode} from './collapse.js'
import exclude from './exclude.js'
import include from './include.js'
import invalidHostname from './invalid-hostname.js'
import ipLiteral from './ip-literal.js'
import localAnswer from './local-answer.js'
import minRuns from './min-runs.js'
import negativeOnly from './negative-only.js'
import publicSuffix from './public-suffix.js'
import queryType from './query-type.js'
import specialUseSuffix from './special-use-suffix.js'
import {sortMessages} from './sort-messages.js'
import subsumed from './subsumed.js'
import upstreamFailure, {type Options as UpstreamFailureOptions} from './upstream-failure.js'

/** Everything the policy can be told; the config file's keys minus the per-format options. */
export interface PolicyOptions {
  collapse?: CollapseMode | undefined
  queryTypes?: readonly string[] | undefined
  include?: readonly string[] | undefined
  exclude?: readonly string[] | undefined
  keep?: readonly string[] | undefined
  multiTenant?: readonly string[] | undefined
  dropSuffixes?: readonly string[] | undefined
  clients?: readonly string[] | undefined
  cnameTargets?: CnameTargetOptions['cnameTargets']
  upstreamFailures?: UpstreamFailureOptions['upstreamFailures']
  minRuns?: number | undefined
}

/**
 * The rules in order, each with its options.
 *
 * @param options Policy options (from the config file and flags).
 * @returns A unified pluggable list.
 */
export function policyRules(options: PolicyOptions = {}): PluggableList {
  return [
    // Safety first: nothing that is not a hostname may reach a renderer, whatever the config says.
    [ipLiteral],
    [invalidHostname],
    // The user's explicit lists: exclusion wins over everything, inclusion over judgement.
    [exclude, {exclude: options.exclude}],
    [include, {include: options.include, exclude: options.exclude}],
    // What counts as the job's own traffic.
    [cnameTargets, {cnameTargets: options.cnameTargets}],
    [clients, {clients: options.clients}],
    [queryType, {queryTypes: options.queryTypes}],
    [minRuns, {minRuns: options.minRuns}],
    // What the answers say: local names, special-use names, names that never resolved.
    [localAnswer, {queryTypes: options.queryTypes}],
    [specialUseSuffix, {dropSuffixes: options.dropSuffixes}],
    [negativeOnly, {queryTypes: options.queryTypes}],
    [upstreamFailure, {queryTypes: options.queryTypes, upstreamFailures: options.upstreamFailures}],
    // Never a bare public suffix, included or not (after the answer rules, whose reasons say
    // more about a single-label hosts-file name than "public suffix" would).
    [publicSuffix],
    // The shape of the list: one entry per registrable domain (or name), no overlaps.
    [
      collapse,
      {
        collapse: options.collapse,
        multiTenant: options.multiTenant,
        keep: options.keep,
        exclude: options.exclude,
      },
    ],
    [subsumed],
  ]
}

/** The ids of the rules, in pipeline order (the `allowlist:` prefix is implied). */
export const RULE_IDS = [
  'ip-literal',
  'invalid-hostname',
  'exclude',
  'include',
  'cname-targets',
  'clients',
  'query-type',
  'min-runs',
  'local-answer',
  'special-use-suffix',
  'negative-only',
  'upstream-failure',
  'public-suffix',
  'collapse',
  'subsumed',
] as const

export interface ApplyPolicyOptions {
  /** Inputs as given on the command line, for `meta.inputs`. */
  inputs?: readonly string[] | undefined
}

export interface PolicyResult {
  allowList: AllowList
  /** Carries one message per drop or rewrite (`file.messages`). */
  file: VFile
}

/**
 * Decide, for every name of the graph, whether and how it goes on the allow-list.
 *
 * @param tree The domain graph; decisions are recorded on its nodes (`data.decision`, `data.trail`).
 * @param options Policy options.
 * @param context Facts for `meta`.
 * @returns The allow-list and the file whose messages explain each drop and rewrite.
 */
export function applyPolicy(
  tree: Root,
  options: PolicyOptions = {},
  context: ApplyPolicyOptions = {},
): PolicyResult {
  const file = new VFile()
  unified().use(policyRules(options)).runSync(tree, file)
  sortMessages(file)
  const allowList = buildAllowList(tree, {
    inputs: [...(context.inputs ?? [])],
    collapse: options.collapse ?? 'registrable',
  })
  return {allowList, file}
}
