/**
 * The names a verification run was denied. With the list enforced, the bridge's dnsmasq answers
 * every name outside it itself and logs, under the query's serial (`log-queries=extra`):
 *
 *     7 10.1.2.3/40143 query[A] blocked.example from 10.1.2.3
 *     7 10.1.2.3/40143 config error is REFUSED (EDE: not ready)     (no server for the name)
 *     8 10.1.2.3/40144 config sub.exact.example is NXDOMAIN         (`local=/*.exact.example/`)
 *
 * `config` answers for the bridge's own domain (`.lxd`) are LXD's, not the list's, and an
 * upstream's own failure (`reply error is REFUSED`) is not a denial by the list.
 */

/** One denied name and query type. */
export interface Refusal {
  /** As the client sent it, lowercased. */
  name: string
  /** `A`, `AAAA`, `HTTPS` … */
  type: string
  /** `REFUSED` (not in the list) or `NXDOMAIN` (a subdomain of an exact entry). */
  answer: 'REFUSED' | 'NXDOMAIN'
  count: number
  /** The query line of the first denial, verbatim. */
  firstLine: string
}

const QUERY = /dnsmasq\[\d+\]: (\d+) (\S+)\/\d+ query\[([^\]]+)\] (\S+) from /
const DENIED = /dnsmasq\[\d+\]: (\d+) (\S+)\/\d+ config (?:error is (REFUSED)|(\S+) is (NXDOMAIN))/

/**
 * Find the denials in a `log-queries=extra` log.
 *
 * @param text Log lines.
 * @param localDomain The bridge's DNS domain (`dns.domain`, default `lxd`).
 * @returns Denials sorted by name, then type.
 */
export function findRefusals(text: string, localDomain = 'lxd'): Refusal[] {
  const local = `.${localDomain.toLowerCase()}`
  const pending = new Map<string, {name: string; type: string; line: string}>()
  const refusals = new Map<string, Refusal>()
  for (const line of text.split('\n')) {
    const query = QUERY.exec(line)
    if (query) {
      pending.set(`${query[1]} ${query[2]}`, {
        name: (query[4] as string).toLowerCase(),
        type: query[3] as string,
        line,
      })
      continue
    }
    const denied = DENIED.exec(line)
    const asked = denied && pending.get(`${denied[1]} ${denied[2]}`)
    if (!denied || !asked || asked.name.endsWith(local) || asked.name === localDomain) continue
    const key = `${asked.name} ${asked.type}`
    const known = refusals.get(key)
    if (known) known.count++
    else
      refusals.set(key, {
        name: asked.name,
        type: asked.type,
        answer: denied[3] === 'REFUSED' ? 'REFUSED' : 'NXDOMAIN',
        count: 1,
        firstLine: asked.line,
      })
  }
  return [...refusals.values()].sort((a, b) => compare(a.name, b.name) || compare(a.type, b.type))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
