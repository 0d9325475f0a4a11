/**
 * HAProxy ACL lines on the TLS SNI as the `haproxy` format writes them: `acl A req.ssl_sni -i
 * -m str d` matches `d` exactly and `-m end .d` every name below `d`. Lines sharing an ACL name
 * are ORed, so all of them allow; `always_false` and other criteria add nothing. A `-m end`
 * value without its leading dot is refused: `-m end d` also matches `evild`.
 */
import {contentLines, listError, listName} from './lines.js'
import type {ListRule, ParsedList} from './types.js'

/** Parse the `req.ssl_sni` ACL lines of an HAProxy configuration. */
export function parseHaproxyList(text: string, file: string): ParsedList {
  const rules: ListRule[] = []
  for (const {line, text: content} of contentLines(text, ['#'])) {
    const words = content.split(/\s+/)
    if (words[0] !== 'acl' || words[2] !== 'req.ssl_sni') continue
    let method = 'str'
    for (let index = 3; index < words.length; index++) {
      const word = words[index] as string
      if (word === '-m') {
        method = words[++index] ?? ''
        continue
      }
      if (word.startsWith('-')) continue // `-i` and other flags without a value
      if (method === 'str') {
        rules.push({name: listName(word, file, line), scope: 'name', allow: true, line})
      } else if (method === 'end' && word.startsWith('.')) {
        rules.push({
          name: listName(word.slice(1), file, line),
          scope: 'subdomains',
          allow: true,
          line,
        })
      } else {
        throw listError(file, line, `\`-m ${method} ${word}\``, '`-m str name` or `-m end .name`')
      }
    }
  }
  return {file, syntax: 'haproxy', rules, defaultAllow: false}
}
