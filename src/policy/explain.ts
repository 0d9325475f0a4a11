/**
 * Why a name is (or is not) on the list: what the logs say about it, its CNAME chain, what each
 * rule decided in pipeline order, and the entry it ends up in. Runs the same policy as `compile`
 * and reads the trail the rules left on the node, so the answer cannot drift from the real run.
 */
import type {Entry} from '../graph/entry.js'
import {findNode} from '../graph/tree.js'
import type {Observation, Root} from '../graph/types.js'
import {applyPolicy, RULE_IDS, type PolicyOptions} from './index.js'
import {cnameChain} from './nodes.js'
import {messageLocation} from './report.js'
import {code, isSameOrUnder} from './names.js'

export interface RuleStep {
  ruleId: string
  /** `passed`: nothing to say; `skipped`: an earlier rule dropped the name; else the decision. */
  action: 'passed' | 'skipped' | 'dropped' | 'kept'
  reason?: string
  entry?: string
}

export interface Explanation {
  /** The name asked about, normalised (lowercase, no trailing dot). */
  name: string
  observed: boolean
  observation?: Observation
  /** Names this one is an alias for, following the chain to its end. */
  cnameChain: string[]
  /** Addresses the chain's names resolved to (what an alias really connects to). */
  chainAddresses: {v4: string[]; v6: string[]}
  /** `true` unless a rule dropped the name itself. */
  kept: boolean
  /** `true` when some entry of the list allows the name (a dropped name may still be covered). */
  allowed: boolean
  /** The entry allowing it, when there is one. */
  entry?: Entry
  /** Every rule, in pipeline order. */
  rules: RuleStep[]
  /** The messages about this name, `file:line:column: reason`. */
  messages: string[]
}

/**
 * Explain one name.
 *
 * @param tree The graph (policy decisions are recorded on it).
 * @param name The name to explain, any case, trailing dot allowed.
 * @param options The policy options `compile` would use.
 */
export function explainName(tree: Root, name: string, options: PolicyOptions = {}): Explanation {
  const normalised = name.toLowerCase().replace(/\.$/, '')
  const {allowList, file} = applyPolicy(tree, options)
  const node = findNode(tree, normalised)
  const observation = node?.data?.observation
  const trail = node?.data?.trail ?? []
  let dropped = false
  const rules: RuleStep[] = RULE_IDS.map((ruleId) => {
    const decision = [...trail].reverse().find((step) => step.ruleId === ruleId)
    if (!decision) return {ruleId, action: dropped ? 'skipped' : 'passed'}
    dropped ||= !decision.kept
    return {
      ruleId,
      action: decision.kept ? 'kept' : 'dropped',
      reason: decision.reason,
      ...(decision.entry === undefined
        ? {}
        : {entry: (decision.includesSubdomains ? '.' : '') + decision.entry}),
    }
  })
  const entry = allowList.entries.find((candidate) =>
    candidate.includesSubdomains
      ? isSameOrUnder(normalised, candidate.name)
      : candidate.name === normalised,
  )
  const chain = node ? cnameChain((next) => findNode(tree, next), normalised) : []
  return {
    name: normalised,
    observed: observation !== undefined,
    ...(observation ? {observation} : {}),
    cnameChain: chain.map((link) => link.name),
    chainAddresses: {
      v4: chain.flatMap((link) => link.data.observation.addresses.v4),
      v6: chain.flatMap((link) => link.data.observation.addresses.v6),
    },
    kept: node?.data?.decision?.kept ?? false,
    allowed: entry !== undefined,
    ...(entry ? {entry} : {}),
    rules,
    messages: file.messages
      .filter((message) => node !== undefined && message.ancestors?.at(-1) === node)
      .map((message) => `${messageLocation(message)}: ${message.reason}`),
  }
}

/**
 * The explanation as text for a terminal.
 *
 * @param explanation What `explainName` returned.
 * @returns Lines without a final newline.
 */
export function formatExplanation(explanation: Explanation): string {
  const lines = [explanation.name]
  const observation = explanation.observation
  if (observation) {
    const queries = Object.entries(observation.queries)
      .map(([type, count]) => `${type}×${count}`)
      .join(' ')
    const outcomes = Object.entries(observation.outcomes)
      .map(
        ([type, counts]) =>
          `${type}: ${Object.entries(counts)
            .map(([outcome, count]) => `${outcome}×${count}`)
            .join(' ')}`,
      )
      .join(', ')
    lines.push(
      `  queries    ${queries || 'none (seen only as a CNAME target)'}`,
      `  outcomes   ${outcomes || 'none'}`,
      `  addresses  ${[...observation.addresses.v4, ...observation.addresses.v6].join(' ') || 'none'}`,
      `  clients    ${observation.clients.join(' ') || 'none'}`,
      // Hostile spellings may hold spaces: quote each so they cannot run together.
      `  spellings  ${(observation.rawNames.length > 0 ? observation.rawNames : [explanation.name]).map((raw) => code(raw)).join(' ')}`,
      `  first seen ${observation.places.map((place) => `${place.file}:${place.line}`).join(' ')}`,
    )
    if (observation.cnameFrom.length > 0) {
      lines.push(`  alias of   ${observation.cnameFrom.join(' ')}`)
    }
  } else {
    lines.push('  not observed in the inputs')
  }
  if (explanation.cnameChain.length > 0) {
    const {v4, v6} = explanation.chainAddresses
    lines.push(
      `  CNAME      ${[explanation.name, ...explanation.cnameChain].join(' → ')}`,
      `  via chain  ${[...v4, ...v6].join(' ') || 'no addresses'}`,
    )
  }
  lines.push('', 'rules')
  const width = Math.max(...explanation.rules.map((step) => step.ruleId.length))
  for (const step of explanation.rules) {
    const detail = step.reason ? `  ${step.reason}` : ''
    lines.push(`  ${step.ruleId.padEnd(width)}  ${step.action}${detail}`)
  }
  lines.push('')
  const entry = explanation.entry
  const line = entry ? `${entry.includesSubdomains ? '.' : ''}${entry.name}` : ''
  if (!entry) lines.push('not on the allow-list')
  else if (explanation.observed && !explanation.kept) {
    lines.push(`dropped itself, but allowed anyway by ${line} (kept for other names)`)
  } else lines.push(`allowed by ${line}`)
  return lines.join('\n')
}
