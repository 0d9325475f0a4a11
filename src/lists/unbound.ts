/**
 * Unbound configuration: `local-zone: "d." TYPE` covers `d` and every name below it; types that
 * let queries resolve (`transparent`, `typetransparent`, `inform`, `nodefault`,
 * `always_transparent`) allow, every other type (`refuse`, `deny`, `static`, `always_nxdomain`
 * …) denies. The most specific zone wins, as in Unbound; names under no zone resolve normally
 * (allowed), which is why allow-lists start with `local-zone: "." refuse`.
 */
import {contentLines, listError, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

const ALLOWING_TYPES = new Set([
  'transparent',
  'typetransparent',
  'inform',
  'nodefault',
  'always_transparent',
])

const DENYING_TYPES = new Set([
  'refuse',
  'always_refuse',
  'deny',
  'inform_deny',
  'static',
  'redirect',
  'always_nxdomain',
  'always_nodata',
  'always_deny',
  'always_null',
  'noview',
])

/** Parse `local-zone:` lines of an Unbound configuration. */
export function parseUnboundList(text: string, file: string): ParsedList {
  const rules: ListRule[] = []
  for (const {line, text: content} of contentLines(text, ['#'])) {
    const match = /^local-zone:\s*"?([^"\s]+)"?\s+(\S+)$/.exec(content)
    if (!match) continue
    const zone = match[1] as string
    const type = (match[2] as string).toLowerCase()
    if (!ALLOWING_TYPES.has(type) && !DENYING_TYPES.has(type)) {
      throw listError(file, line, `local-zone type \`${type}\``, 'an Unbound local-zone type')
    }
    rules.push({
      name: zone === '.' ? '' : listName(zone, file, line),
      scope: 'subtree',
      allow: ALLOWING_TYPES.has(type),
      line,
    })
  }
  return {file, syntax: 'unbound', rules, defaultAllow: true}
}
