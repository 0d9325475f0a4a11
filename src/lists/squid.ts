/**
 * Squid configuration: every `acl NAME dstdomain …` value is read as allowed, `.example.com` for
 * the domain and its subdomains and `example.com` for the name alone, exactly as Squid matches
 * them. Other directives (`http_access`, other ACL types) are left alone: the gate assumes the
 * dstdomain ACLs are the ones `http_access allow` uses, which is how `allowlist` writes them.
 */
import {contentLines, listError, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

/** Parse `acl … dstdomain` lines of a Squid configuration. */
export function parseSquidList(text: string, file: string): ParsedList {
  const rules: ListRule[] = []
  for (const {line, text: content} of contentLines(text, ['#'])) {
    const words = content.split(/\s+/)
    if (words[0] !== 'acl' || words[2] !== 'dstdomain') continue
    for (const value of words.slice(3)) {
      if (value.startsWith('-')) continue // flags such as `-i`, `-n`
      if (value.startsWith('"')) {
        throw listError(
          file,
          line,
          `included file ${value}`,
          'domains inline (read that file itself)',
        )
      }
      rules.push(
        value.startsWith('.')
          ? {name: listName(value.slice(1), file, line), scope: 'subtree', allow: true, line}
          : {name: listName(value, file, line), scope: 'name', allow: true, line},
      )
    }
  }
  return {file, syntax: 'squid', rules, defaultAllow: false}
}
