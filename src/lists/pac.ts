/**
 * Proxy auto-config files: the names live as keys of an object literal that
 * `FindProxyForURL` looks each label suffix up in. A key `.example.com` stands for the domain
 * and its subdomains, `*.example.com` for subdomains only and `example.com` for the name alone;
 * a truthy value (`true`, `1`, a non-empty string) allows, `false`/`0` denies. Names no key
 * matches get the blackhole result (blocked). The file is read, never executed.
 */
import {listError, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

const PROPERTY = /(["'])([^"'\\\n]*)\1\s*:\s*(true|false|\d+|"[^"\n]*"|'[^'\n]*')/g

/** Parse the name keys of a PAC file's object literals. */
export function parsePacList(text: string, file: string): ParsedList {
  const rules: ListRule[] = []
  for (const match of text.matchAll(PROPERTY)) {
    const key = match[2] as string
    const line = lineAt(text, match.index)
    const value = match[3] as string
    const allow = !['false', '0', '""', "''"].includes(value)
    if (key.startsWith('*.')) {
      rules.push({name: listName(key.slice(2), file, line), scope: 'subdomains', allow, line})
    } else if (key.startsWith('.')) {
      rules.push({name: listName(key.slice(1), file, line), scope: 'subtree', allow, line})
    } else {
      rules.push({name: listName(key, file, line), scope: 'name', allow, line})
    }
  }
  if (!/\bFindProxyForURL\b/.test(text)) {
    throw listError(file, 1, 'file without `FindProxyForURL`', 'a proxy auto-config file')
  }
  return {file, syntax: 'pac', rules, defaultAllow: false}
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    line++
  }
  return line
}
