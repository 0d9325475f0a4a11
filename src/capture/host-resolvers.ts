/**
 * The host's own resolvers, as the upstream verify forwards allowed names to when no
 * `--upstream` is given: the same servers a native LXD bridge forwards to by default.
 */
import {readFile} from 'node:fs/promises'

/**
 * @param path A resolv.conf file.
 * @returns Its `nameserver` addresses, in order (empty when unreadable).
 */
export async function hostResolvers(path = '/etc/resolv.conf'): Promise<string[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .map((line) => /^\s*nameserver\s+(\S+)/.exec(line)?.[1])
    .filter((server): server is string => server !== undefined)
}
