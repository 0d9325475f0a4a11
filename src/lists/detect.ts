/**
 * Guessing a list file's syntax from its name and content, for `check --against` and `diff`
 * when no `--list-format` is given. Distinctive content wins over the extension, and a file with
 * nothing distinctive is a plain list.
 */
import {basename, extname} from 'node:path'
import type {ListSyntax} from './types.js'

/** Content signatures, tried in order; the first match decides. */
const SIGNATURES: ReadonlyArray<[ListSyntax, RegExp]> = [
  ['json', /^\s*\{/],
  ['pac', /\bFindProxyForURL\b/],
  ['squid', /^\s*acl\s+\S+\s+dstdomain\b/m],
  ['haproxy', /^\s*acl\s+\S+\s+req\.ssl_sni\b/m],
  ['adblock', /^@@\|/m],
  ['unbound', /^\s*local-zone:/m],
  ['rpz', /^\s*\$ORIGIN\b|\brpz-passthru\.|\sIN\s+SOA\s|\sSOA\s/m],
  ['dnsmasq', /^\s*(server|local|address)=\/|^\s*no-resolv\s*$/m],
  ['hosts', /^\s*(\d{1,3}(\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*)\s+\S/im],
]

const EXTENSIONS: Readonly<Record<string, ListSyntax>> = {
  '.json': 'json',
  '.pac': 'pac',
  '.rpz': 'rpz',
  '.zone': 'rpz',
}

/**
 * @param file The path (only its name is used).
 * @param text The file content.
 * @returns The syntax to parse it with.
 */
export function detectListSyntax(file: string, text: string): ListSyntax {
  for (const [syntax, signature] of SIGNATURES) {
    if (signature.test(text)) return syntax
  }
  if (basename(file) === 'hosts') return 'hosts'
  return EXTENSIONS[extname(file).toLowerCase()] ?? 'plain'
}
