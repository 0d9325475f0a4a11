/**
 * The one helper every policy rule is built with, in the manner of remark-lint's `lintRule`: it
 * turns a rule body into a unified plugin and gives the body a `decide` function that records the
 * decision on the node (`data.decision`, plus the per-rule `data.trail` that `explain` reads) and
 * reports it as a vfile message stamped with `source: 'allowlist'`, the rule id and the place of
 * the log line that produced the name. No rule touches `file.message` or `data.decision` itself.
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Decision, DomainNode, Root} from '../graph/types.js'

declare module '../graph/types.js' {
  interface Decision {
    /** `true` when the entry the name maps to allows every subdomain too (`.example.com`). */
    includesSubdomains?: boolean
    /** `true` when an `include` pattern pinned the name: judgement rules leave it alone. */
    pinned?: boolean
  }
  interface DomainData {
    /** Every decision any rule took on this node, in pipeline order (what `explain` prints). */
    trail?: Decision[]
  }
}

/** The `source` every policy message carries (vfile-message: `source:ruleId`). */
export const MESSAGE_SOURCE = 'allowlist'

/**
 * How loudly a decision is reported: drops are warnings, rewrites (collapse, subsumption, omitted
 * CNAME targets) are infos, and a decision that changes nothing (an exact name kept as itself)
 * is recorded without a message.
 */
export type Severity = 'warning' | 'info' | 'silent'

export interface Verdict {
  kept: boolean
  reason: string
  /** The entry the name maps to (kept names only). */
  entry?: string
  includesSubdomains?: boolean
  pinned?: boolean
  /** Defaults to `warning` for drops and `info` for kept names. */
  severity?: Severity
  /** The offending value as logged (vfile-message `actual`). */
  actual?: string
  /** Acceptable values (vfile-message `expected`). */
  expected?: string[]
}

export interface RuleContext {
  /** Record `verdict` on `node` and report it. */
  decide(node: DomainNode, verdict: Verdict): void
  /** Report a warning about `node` without changing its decision (one per raw spelling, say). */
  warn(node: DomainNode, reason: string, extra?: Pick<Verdict, 'actual' | 'expected'>): void
}

/**
 * Build a policy rule.
 *
 * @param ruleId The rule id without the `allowlist:` prefix; it is also the file name.
 * @param create Called once with the rule's options (check them there and throw a `TypeError`
 *   naming the option); returns the body that walks the tree.
 * @returns A unified transformer plugin.
 */
export function createRule<Options>(
  ruleId: string,
  create: (options: Options | undefined) => (tree: Root, context: RuleContext) => void,
): Plugin<[(Options | undefined)?], Root> {
  const plugin: Plugin<[(Options | undefined)?], Root> = function (options) {
    const body = create(options)
    return function (tree, file) {
      body(tree, {
        decide(node, verdict) {
          const decision: Decision = {kept: verdict.kept, ruleId, reason: verdict.reason}
          if (verdict.entry !== undefined) decision.entry = verdict.entry
          if (verdict.includesSubdomains !== undefined) {
            decision.includesSubdomains = verdict.includesSubdomains
          }
          if (verdict.pinned) decision.pinned = true
          node.data ??= {}
          node.data.decision = decision
          node.data.trail = [...(node.data.trail ?? []), decision]
          const severity = verdict.severity ?? (verdict.kept ? 'info' : 'warning')
          if (severity !== 'silent') report(file, ruleId, node, verdict, severity)
        },
        warn(node, reason, extra) {
          report(file, ruleId, node, {kept: true, reason, ...extra}, 'warning')
        },
      })
    }
  }
  Object.defineProperty(plugin, 'name', {value: ruleId})
  return plugin
}

function report(
  file: VFile,
  ruleId: string,
  node: DomainNode,
  verdict: Verdict,
  severity: 'warning' | 'info',
): VFileMessage {
  const place = node.data?.observation?.places[0]
  const options = {
    ruleId,
    source: MESSAGE_SOURCE,
    // The node the message is about, so `explain` can pick its messages out of the file.
    ancestors: [node],
    ...(place ? {place: {line: place.line, column: 1}} : {}),
  }
  const message =
    severity === 'info' ? file.info(verdict.reason, options) : file.message(verdict.reason, options)
  // One policy run covers several logs: the message names the log the line is in.
  if (place) message.file = place.file
  if (verdict.actual !== undefined) message.actual = verdict.actual
  if (verdict.expected !== undefined) message.expected = verdict.expected
  return message
}
