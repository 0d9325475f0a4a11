/**
 * How a list decides a name, the way the systems reading it do: the most specific matching rule
 * wins (an exact rule on the name, then subtree or subdomain rules on the name and each
 * ancestor, nearest first); a name no rule matches gets the list's default. Between an allowing
 * and a denying rule of equal specificity, denial wins, since a gate should fail closed.
 */
import type {ListRule, ParsedList} from './types.js'

/** What a list does with one name. */
export interface Verdict {
  allowed: boolean
  /** The rule that decided, or `undefined` when the list's default did. */
  rule: ListRule | undefined
}

/** A list indexed for lookups; build it once per list with `createMatcher`. */
export interface Matcher {
  /** Decide the name itself. */
  decide(name: string): Verdict
  /** Decide a name strictly below `name` that no rule mentions: what a `.name` entry needs. */
  decideBelow(name: string): Verdict
}

/**
 * @param list A parsed list.
 * @returns Lookups whose cost grows with the labels of the name, not with the list.
 */
export function createMatcher(list: ParsedList): Matcher {
  const byName = new Map<string, ListRule[]>()
  for (const rule of list.rules) {
    const rules = byName.get(rule.name)
    if (rules) rules.push(rule)
    else byName.set(rule.name, [rule])
  }
  const fallback: Verdict = {allowed: list.defaultAllow, rule: undefined}

  /** Walk from `start` up to the root, looking for rules that cover names below each node. */
  function decideFromAncestors(start: string | undefined): Verdict {
    for (let node = start; node !== undefined; node = parentOf(node)) {
      const rule = pick(byName.get(node), (candidate) => candidate.scope !== 'name')
      if (rule) return {allowed: rule.allow, rule}
    }
    return fallback
  }

  return {
    decide(name) {
      const own = pick(byName.get(name), (candidate) => candidate.scope !== 'subdomains')
      if (own) return {allowed: own.allow, rule: own}
      return decideFromAncestors(parentOf(name))
    },
    decideBelow(name) {
      return decideFromAncestors(name)
    },
  }
}

/** The name one label up; the root `''` for a single label; `undefined` above the root. */
function parentOf(name: string): string | undefined {
  if (name === '') return undefined
  const dot = name.indexOf('.')
  return dot === -1 ? '' : name.slice(dot + 1)
}

/** Among rules on one node that apply, a denying one first. */
function pick(
  rules: ListRule[] | undefined,
  applies: (rule: ListRule) => boolean,
): ListRule | undefined {
  let chosen: ListRule | undefined
  for (const rule of rules ?? []) {
    if (!applies(rule)) continue
    if (!rule.allow) return rule
    chosen ??= rule
  }
  return chosen
}
