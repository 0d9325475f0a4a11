/**
 * hosts files: `ADDRESS name [alias…]` lines, or a bare name a line. A hosts file answers for
 * exactly the names it lists, never their subdomains, so every name is an exact rule.
 */
import {isIP} from 'node:net'
import {contentLines, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

/** Parse a hosts file. */
export function parseHostsList(text: string, file: string): ParsedList {
  const rules: ListRule[] = []
  for (const {line, text: content} of contentLines(text, ['#'])) {
    const words = content.split(/\s+/)
    const names = isIP(words[0] as string) === 0 ? words : words.slice(1)
    for (const name of names) {
      rules.push({name: listName(name, file, line), scope: 'name', allow: true, line})
    }
  }
  return {file, syntax: 'hosts', rules, defaultAllow: false}
}
