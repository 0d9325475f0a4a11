/**
 * A list file read back as rules: what each line allows or denies, and what happens to names no
 * line mentions. Every syntax `allowlist` emits (plain, json, squid, hosts, dnsmasq, unbound,
 * rpz, pac) parses into this one shape, so `check` matches names the same way for all of them.
 */

/**
 * Which names a rule applies to:
 * - `name`: exactly the name (`example.com` in Squid, a hosts line, an RPZ owner);
 * - `subtree`: the name and every name below it (`.example.com` in Squid, `server=/example.com/`);
 * - `subdomains`: only names strictly below it (RPZ `*.example.com`, dnsmasq `/*.example.com/`).
 */
export type RuleScope = 'name' | 'subtree' | 'subdomains'

/** One allowing or denying line of a list. */
export interface ListRule {
  /** Lowercase ASCII name without a trailing dot; `''` is the root, i.e. every name. */
  name: string
  scope: RuleScope
  /** `true` when the rule lets matching names through. */
  allow: boolean
  /** 1-based line of the list file the rule comes from. */
  line: number
}

/** The list syntaxes `check --against` and `diff` read. */
export const LIST_SYNTAXES = [
  'plain',
  'json',
  'squid',
  'hosts',
  'dnsmasq',
  'unbound',
  'rpz',
  'pac',
  'adblock',
  'haproxy',
] as const

export type ListSyntax = (typeof LIST_SYNTAXES)[number]

/** A parsed list file. */
export interface ParsedList {
  /** The path as given, for messages. */
  file: string
  syntax: ListSyntax
  /** Rules in file order. */
  rules: ListRule[]
  /** What happens to a name no rule matches: `false` for allow-lists, `true` for a resolver with no catch-all refusal. */
  defaultAllow: boolean
}

/** A parser for one syntax: the file's text in, rules out; throws `AllowlistError` naming file and line. */
export type ListParser = (text: string, file: string) => ParsedList
