/**
 * Adblock-syntax exception lists (uBlock Origin, AdGuard, AdGuard Home) as the `adblock` format
 * writes them: `@@||d^` allows `d` and its subdomains; `@@|https://d^` (one line per scheme) and,
 * in DNS syntax, `@@|d^` allow `d` alone. `!` starts a comment; lines that are not exceptions
 * (the blocking rules the list is paired with) are left alone, and every name no exception
 * matches counts as blocked. Exceptions with options (`$…`) or paths are refused: they allow
 * less than a name, and reading them as names would overstate the list.
 */
import {contentLines, listError, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

const DOMAIN_RULE = /^@@\|\|([^/^$|]+)\^$/
const EXACT_RULE = /^@@\|(?:(?:https?|wss?):\/\/)?([^/^$|:]+)\^$/

/** Parse the exception rules of an adblock-syntax list. */
export function parseAdblockList(text: string, file: string): ParsedList {
  const rules: ListRule[] = []
  for (const {line, text: content} of contentLines(text, [])) {
    if (content.startsWith('!') || !content.startsWith('@@')) continue
    const domain = DOMAIN_RULE.exec(content)
    const exact = domain ? undefined : EXACT_RULE.exec(content)
    if (!domain && !exact) {
      throw listError(
        file,
        line,
        `rule \`${content}\``,
        '`@@||name^`, `@@|name^` or `@@|scheme://name^`',
      )
    }
    const name = listName((domain ?? exact)?.[1] as string, file, line)
    rules.push({name, scope: domain ? 'subtree' : 'name', allow: true, line})
  }
  return {file, syntax: 'adblock', rules, defaultAllow: false}
}
