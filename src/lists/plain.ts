/**
 * `plain` lists: one entry a line, `.example.com` for the domain and its subdomains,
 * `example.com` for the name alone; `#` starts a comment. The same file serves Squid's
 * `dstdomain "/path"` ACLs, so `squid --squid-mode file` output reads here too.
 */
import {contentLines, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

/** Parse a plain list; every line must be a hostname, optionally with one leading dot. */
export function parsePlainList(text: string, file: string): ParsedList {
  const rules: ListRule[] = contentLines(text, ['#']).map(({line, text: content}) =>
    content.startsWith('.')
      ? {name: listName(content.slice(1), file, line), scope: 'subtree', allow: true, line}
      : {name: listName(content, file, line), scope: 'name', allow: true, line},
  )
  return {file, syntax: 'plain', rules, defaultAllow: false}
}
