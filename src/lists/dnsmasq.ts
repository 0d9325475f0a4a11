/**
 * dnsmasq configuration as an allow-only resolver: `server=/d/…/UPSTREAM` forwards `d` and its
 * subdomains (allowed); `address=/d/…`, `local=/d/` and `server=/d/` with no upstream answer
 * locally (denied); `/*.d/` covers subdomains only; `#` as a domain is every name. The more
 * specific domain wins, as in dnsmasq. Names nothing matches are refused when the file has
 * `no-resolv` and no domain-less `server=`, and forwarded (allowed) otherwise. `nftset=`,
 * `ipset=` and other options do not change what resolves and are ignored.
 */
import {contentLines, listError, listName} from './lines.js'
import type {ListRule, ParsedList, RuleScope} from './types.js'

/** Parse a dnsmasq configuration file. */
export function parseDnsmasqList(text: string, file: string): ParsedList {
  const rules: ListRule[] = []
  let noResolv = false
  let defaultServer = false
  // `#` is a comment only at the start of a line: `server=1.2.3.4#53` and `/#/` use it too.
  for (const {line, text: content} of contentLines(text, [])) {
    if (content.startsWith('#')) continue
    const equals = content.indexOf('=')
    const option = (equals === -1 ? content : content.slice(0, equals)).trim()
    const value = equals === -1 ? '' : content.slice(equals + 1).trim()
    if (option === 'no-resolv') noResolv = true
    if (option !== 'server' && option !== 'local' && option !== 'address') continue
    if (!value.startsWith('/')) {
      // `server=1.2.3.4`: a default upstream for every name no domain rule matches.
      if (option === 'server' && value !== '') defaultServer = true
      continue
    }
    const closing = value.lastIndexOf('/')
    const target = value.slice(closing + 1)
    const allow = option === 'server' && target !== ''
    for (const domain of value.slice(1, closing).split('/')) {
      const rule = domainRule(domain, allow, file, line)
      if (rule) rules.push(rule)
    }
  }
  return {file, syntax: 'dnsmasq', rules, defaultAllow: defaultServer || !noResolv}
}

function domainRule(
  domain: string,
  allow: boolean,
  file: string,
  line: number,
): ListRule | undefined {
  // `//` means unqualified names, which never reach an allow-list.
  if (domain === '') return undefined
  if (domain === '#') return {name: '', scope: 'subtree', allow, line}
  let scope: RuleScope = 'subtree'
  let raw = domain
  if (raw.startsWith('*.')) {
    scope = 'subdomains'
    raw = raw.slice(2)
  } else if (raw.startsWith('*')) {
    throw listError(
      file,
      line,
      `pattern \`${domain}\``,
      '`d`, `.d` or `*.d` (a leading `*` without a dot also matches unrelated names)',
    )
  } else if (raw.startsWith('.')) {
    raw = raw.slice(1) // dnsmasq reads `/.d/` as `/d/`
  }
  return {name: listName(raw, file, line), scope, allow, line}
}
