/**
 * The CI gate: which names a build needs that a list would block, and which list entries no
 * name used. Names are matched as the list's own system matches them (see `src/lists/match.ts`):
 * `.example.com` covers `example.com` and every subdomain, `example.com` only itself.
 *
 * What is checked: for allow-lists compiled from logs or graphs, every observed name behind an
 * entry, as an exact name; for list files (which record no observed names), each entry itself,
 * with its subdomains when it includes them. Entries that are only CNAME targets are skipped:
 * clients never ask for them, and only the resolver-side formats can even see them.
 */
import type {AllowList} from '../graph/entry.js'
import {createMatcher, type Verdict} from '../lists/match.js'
import type {ListSyntax, ParsedList} from '../lists/types.js'
import {compareStrings} from './compare.js'
import {entryKey, ruleText} from './entry-key.js'
import {registrableDomainOf} from '../graph/public-suffix.js'

/** Version of the `--json` document of `allowlist check`. */
export const CHECK_SCHEMA = 'allowlist-check/1'

/** A name the build needs. */
export interface Demand {
  name: string
  /** `true` for a list entry `.name`: the name and any subdomain must pass. */
  includesSubdomains: boolean
  /** The input entry it belongs to (`.example.com` / `example.com`). */
  entry: string
}

export interface BlockedName {
  /** `.example.com` when a whole domain is needed, otherwise the name. */
  name: string
  includesSubdomains: boolean
  /** Registrable domain, for grouping. */
  domain: string
  entry: string
  /** The denying rule, or `null` when no rule matched and the list's default refused it. */
  deniedBy: {rule: string; line: number} | null
}

export interface UnusedRule {
  /** The rule in plain spelling (`.example.com`, `example.com`, `*.example.com`). */
  rule: string
  line: number
}

export interface CheckResult {
  schema: typeof CHECK_SCHEMA
  inputs: string[]
  against: {file: string; syntax: ListSyntax; rules: number}
  /** `true` when nothing would be blocked (unused entries do not fail the gate). */
  ok: boolean
  counts: {checked: number; allowed: number; blocked: number; unused: number}
  /** Sorted by name. */
  blocked: BlockedName[]
  /** Allowing rules no checked name needed, in file order. */
  unused: UnusedRule[]
}

/**
 * The names an allow-list stands for, deduplicated, sorted.
 *
 * @param allowLists Lists from `readInputsAsAllowLists`.
 */
export function demandsOf(allowLists: readonly AllowList[]): Demand[] {
  const demands = new Map<string, Demand>()
  for (const allowList of allowLists) {
    for (const entry of allowList.entries) {
      if (entry.cnameTarget) continue
      const key = entryKey(entry)
      const needed =
        entry.sources.length > 0
          ? entry.sources.map((name) => ({name, includesSubdomains: false}))
          : [{name: entry.name, includesSubdomains: entry.includesSubdomains}]
      for (const demand of needed) {
        const id = entryKey(demand)
        if (!demands.has(id)) demands.set(id, {...demand, entry: key})
      }
    }
  }
  return [...demands.values()].sort((a, b) => compareStrings(entryKey(a), entryKey(b)))
}

/**
 * Check what the inputs need against a list.
 *
 * @param allowLists What the build needs (from logs, graphs or list files).
 * @param against The list that would enforce.
 * @param inputs The input paths, for the report.
 * @returns Blocked names and unused rules; `ok` when nothing is blocked.
 */
export function checkAgainstList(
  allowLists: readonly AllowList[],
  against: ParsedList,
  inputs: string[],
): CheckResult {
  const matcher = createMatcher(against)
  // By spelling, not identity: dnsmasq repeats `server=/d/` once per upstream.
  const used = new Set<string>()
  const blocked: BlockedName[] = []
  const demands = demandsOf(allowLists)
  for (const demand of demands) {
    const verdicts: Verdict[] = [matcher.decide(demand.name)]
    if (demand.includesSubdomains) verdicts.push(matcher.decideBelow(demand.name))
    const denial = verdicts.find((verdict) => !verdict.allowed)
    if (denial) {
      blocked.push({
        name: entryKey(demand),
        includesSubdomains: demand.includesSubdomains,
        domain: registrableDomainOf(demand.name),
        entry: demand.entry,
        deniedBy: denial.rule ? {rule: ruleText(denial.rule), line: denial.rule.line} : null,
      })
    } else {
      for (const verdict of verdicts) if (verdict.rule) used.add(ruleText(verdict.rule))
    }
  }
  // CNAME targets are never blocked (clients do not ask for them), but a list line that lets one
  // through is in use: RPZ and Unbound follow the chain.
  for (const allowList of allowLists) {
    for (const entry of allowList.entries) {
      if (!entry.cnameTarget) continue
      const verdict = matcher.decide(entry.name)
      if (verdict.allowed && verdict.rule) used.add(ruleText(verdict.rule))
    }
  }
  const unused = new Map<string, UnusedRule>()
  for (const rule of against.rules) {
    const text = ruleText(rule)
    if (rule.allow && rule.name !== '' && !used.has(text) && !unused.has(text)) {
      unused.set(text, {rule: text, line: rule.line})
    }
  }
  return {
    schema: CHECK_SCHEMA,
    inputs,
    against: {file: against.file, syntax: against.syntax, rules: against.rules.length},
    ok: blocked.length === 0,
    counts: {
      checked: demands.length,
      allowed: demands.length - blocked.length,
      blocked: blocked.length,
      unused: unused.size,
    },
    blocked,
    unused: [...unused.values()],
  }
}
