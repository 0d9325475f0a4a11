/**
 * Proxy auto-config files as `allowlist` writes them: the names are the keys of the
 * `allowlistNames` object literal that `FindProxyForURL` walks label by label. A key whose value
 * is `true` covers the name and its subdomains, `false` the name alone (the walk accepts a
 * `false` key only for the whole host); every other host gets the blocked result. The file is
 * read, never executed, so a PAC from an untrusted change cannot run code in the gate.
 */
import {listError, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

const NAMES_OBJECT = /\bvar\s+allowlistNames\s*=\s*\{([^}]*)\}/
const PROPERTY = /^\s*(["'])([^"'\\]*)\1\s*:\s*(true|false)\s*,?\s*$/

/** Parse the `allowlistNames` object of a PAC file. */
export function parsePacList(text: string, file: string): ParsedList {
  const match = NAMES_OBJECT.exec(text)
  if (!match) {
    throw listError(
      file,
      1,
      'file without `var allowlistNames = {…}`',
      'a PAC file written by allowlist',
    )
  }
  const firstLine = lineAt(text, match.index + match[0].indexOf('{'))
  const rules: ListRule[] = []
  ;(match[1] as string).split('\n').forEach((content, index) => {
    const line = firstLine + index
    if (content.trim() === '' || content.trim().startsWith('//')) return
    const property = PROPERTY.exec(content)
    if (!property)
      throw listError(file, line, `\`${content.trim()}\``, '`"name": true` or `"name": false`')
    rules.push({
      name: listName(property[2] as string, file, line),
      scope: property[3] === 'true' ? 'subtree' : 'name',
      allow: true,
      line,
    })
  })
  return {file, syntax: 'pac', rules, defaultAllow: false}
}

/** 1-based line of a character offset. */
function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length
}
