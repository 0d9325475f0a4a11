/**
 * BIND response-policy zones: a QNAME trigger `d` matches exactly `d`, `*.d` matches names
 * strictly below `d`, and `*` every name. `CNAME rpz-passthru.` (and `rpz-tcp-only.`) lets the
 * name resolve; `CNAME .`, `CNAME *.`, `rpz-drop.`, any other CNAME and local data deny it. An
 * exact trigger beats a wildcard and a nearer wildcard beats a farther one, as in BIND. Names no
 * trigger matches resolve normally (allowed), which is why allow-lists end in `* CNAME .`.
 * Owners are read relative to `$ORIGIN`; without one, absolute owners are taken as they are.
 * IP, NSDNAME and client triggers (`rpz-ip`, `rpz-nsdname` …) are not about names and are skipped.
 */
import {AllowlistError} from '../errors.js'
import {listError, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

const ALLOWING_TARGETS = new Set(['rpz-passthru.', 'rpz-tcp-only.'])
const NON_QNAME_TRIGGERS = /(^|\.)rpz-(ip|nsdname|nsip|client-ip)$/
const TTL_OR_CLASS = /^(\d+[smhdw]?|in|ch|hs)$/i

/** Parse a response-policy zone file. */
export function parseRpzList(text: string, file: string): ParsedList {
  const rules: ListRule[] = []
  let origin: string | undefined
  let owner: string | undefined
  let depth = 0
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1
    const raw = (lines[index] as string).replace(/;.*/, '')
    const continued = depth > 0
    depth += (raw.match(/\(/g) ?? []).length - (raw.match(/\)/g) ?? []).length
    // The rest of a parenthesised record (an SOA) carries no owner or type.
    if (continued || raw.trim() === '') continue
    const words = raw.trim().replace(/[()]/g, ' ').trim().split(/\s+/)
    if (words[0]?.startsWith('$')) {
      if (words[0].toUpperCase() === '$ORIGIN') origin = (words[1] ?? '').toLowerCase()
      if (words[0].toUpperCase() === '$INCLUDE') {
        throw listError(file, line, '`$INCLUDE`', 'policy records inline')
      }
      continue
    }
    if (!/^\s/.test(raw)) owner = words.shift()
    if (owner === undefined) throw listError(file, line, 'record without an owner', 'an owner name')
    while (words.length > 1 && TTL_OR_CLASS.test(words[0] as string)) words.shift()
    const type = (words[0] ?? '').toUpperCase()
    const target = (words[1] ?? '').toLowerCase()
    if (type === 'SOA' || type === 'NS') continue
    const trigger = triggerName(owner, origin, file, line)
    if (trigger === undefined) continue
    rules.push({...trigger, allow: type === 'CNAME' && ALLOWING_TARGETS.has(target), line})
  }
  if (depth !== 0) {
    throw new AllowlistError(`${file}: Unexpected end of file inside \`(\`, expected \`)\``, {
      exit: 'input',
      file,
    })
  }
  return {file, syntax: 'rpz', rules, defaultAllow: true}
}

/** The policy trigger an owner stands for, or `undefined` for the apex and non-QNAME triggers. */
function triggerName(
  owner: string,
  origin: string | undefined,
  file: string,
  line: number,
): Pick<ListRule, 'name' | 'scope'> | undefined {
  let name = owner.toLowerCase()
  if (name === '@') return undefined
  if (name.endsWith('.')) {
    if (origin !== undefined && origin !== '.' && name.endsWith(`.${origin}`)) {
      name = name.slice(0, -origin.length - 1)
    } else if (name === origin) {
      return undefined
    } else {
      name = name.slice(0, -1)
    }
  }
  if (NON_QNAME_TRIGGERS.test(name)) return undefined
  if (name === '*') return {name: '', scope: 'subdomains'}
  if (name.startsWith('*.')) return {name: listName(name.slice(2), file, line), scope: 'subdomains'}
  return {name: listName(name, file, line), scope: 'name'}
}
