/**
 * Name patterns of the `include`, `exclude` and `keep` config lists:
 *
 * - `example.com`: exactly that name;
 * - `*.example.com`: every name under `example.com`, not `example.com` itself;
 * - `.example.com` or `**.example.com`: `example.com` and every name under it.
 *
 * Patterns are compared in lowercase, like DNS names.
 */
import {hostnameProblem, isSameOrUnder, isUnder} from './names.js'

export interface Pattern {
  /** The pattern as written in the config. */
  source: string
  /** The name part, lowercase, without `*.`, `**.` or the leading dot. */
  name: string
  /** Which names it matches besides (or instead of) `name` itself. */
  scope: 'exact' | 'subdomains' | 'domain-and-subdomains'
}

/**
 * Parse one pattern.
 *
 * @param source The pattern as written.
 * @returns The pattern, or a string saying what is wrong with it ("Unexpected …").
 */
export function parsePattern(source: string): Pattern | string {
  const lower = source.toLowerCase()
  let scope: Pattern['scope'] = 'exact'
  let name = lower
  if (lower.startsWith('**.')) {
    scope = 'domain-and-subdomains'
    name = lower.slice(3)
  } else if (lower.startsWith('*.')) {
    scope = 'subdomains'
    name = lower.slice(2)
  } else if (lower.startsWith('.')) {
    scope = 'domain-and-subdomains'
    name = lower.slice(1)
  }
  if (name.includes('*')) {
    return `Unexpected \`*\` inside pattern \`${source}\`, expected it only as a leading \`*.\` or \`**.\``
  }
  const problem = hostnameProblem(name)
  return problem === undefined ? {source, name, scope} : problem
}

/**
 * Parse patterns that were validated already (config); a bad one is a programming error.
 *
 * @param sources Patterns as written.
 * @param option The option they came from, for the error message.
 */
export function parsePatterns(sources: readonly string[] | undefined, option: string): Pattern[] {
  return (sources ?? []).map((source) => {
    const pattern = parsePattern(source)
    if (typeof pattern === 'string') throw new TypeError(`${option}: ${pattern}`)
    return pattern
  })
}

/** Whether `pattern` matches the lowercase `name`. */
export function matchesPattern(pattern: Pattern, name: string): boolean {
  switch (pattern.scope) {
    case 'exact': {
      return name === pattern.name
    }
    case 'subdomains': {
      return isUnder(name, pattern.name)
    }
    case 'domain-and-subdomains': {
      return isSameOrUnder(name, pattern.name)
    }
  }
}

/** The first pattern matching `name`, if any. */
export function findPattern(patterns: readonly Pattern[], name: string): Pattern | undefined {
  return patterns.find((pattern) => matchesPattern(pattern, name))
}

/**
 * Whether some name matched by `pattern` lies in the subtree of `domain` (the domain and its
 * subdomains): then an entry allowing `domain` with its subdomains would allow that name.
 */
export function overlapsSubtree(pattern: Pattern, domain: string): boolean {
  if (isSameOrUnder(pattern.name, domain)) return true
  return pattern.scope !== 'exact' && isUnder(domain, pattern.name)
}
