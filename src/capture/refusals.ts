/**
 * The names a verification run was refused. With an allow-only configuration and no default
 * upstream, dnsmasq answers every name outside the list itself and logs, under the query's
 * serial (`log-queries=extra`):
 *
 *     7 10.1.2.3/40143 query[A] blocked.example from 10.1.2.3
 *     7 10.1.2.3/40143 config error is REFUSED (EDE: not ready)
 *
 * An upstream's own REFUSED is logged as `reply error is REFUSED` and is not a refusal by the
 * list, so it is not reported.
 */

/** One refused name and query type. */
export interface Refusal {
  /** As the client sent it, lowercased. */
  name: string
  /** `A`, `AAAA`, `HTTPS` … */
  type: string
  count: number
  /** The query line of the first refusal, verbatim. */
  firstLine: string
}

const QUERY = /dnsmasq\[\d+\]: (\d+) (\S+)\/\d+ query\[([^\]]+)\] (\S+) from /
const REFUSED = /dnsmasq\[\d+\]: (\d+) (\S+)\/\d+ config error is REFUSED/

/**
 * Find the refusals in a `log-queries=extra` log.
 *
 * @param text Log lines.
 * @returns Refusals sorted by name, then type.
 */
export function findRefusals(text: string): Refusal[] {
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
    const refused = REFUSED.exec(line)
    const asked = refused && pending.get(`${refused[1]} ${refused[2]}`)
    if (!asked) continue
    const key = `${asked.name} ${asked.type}`
    const known = refusals.get(key)
    if (known) known.count++
    else refusals.set(key, {name: asked.name, type: asked.type, count: 1, firstLine: asked.line})
  }
  return [...refusals.values()].sort((a, b) => compare(a.name, b.name) || compare(a.type, b.type))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
