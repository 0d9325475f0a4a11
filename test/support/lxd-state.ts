/**
 * Snapshots of what an LXD test may touch (instances, networks and their `raw.dnsmasq`), so a
 * suite can assert that it left the daemon exactly as it found it.
 */
import {execFileSync} from 'node:child_process'

export interface LxdState {
  instances: string[]
  networks: Array<{name: string; config: Record<string, string>}>
}

/** Run `lxc` and return its stdout (throws with stderr on failure). */
export function lxc(...args: string[]): string {
  return execFileSync('lxc', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
}

/** Like `lxc`, but an empty string when it fails (for polling). */
export function tryLxc(...args: string[]): string {
  try {
    return lxc(...args)
  } catch {
    return ''
  }
}

/** Read the current state through `lxc query`. */
export function lxdState(): LxdState {
  const instances = JSON.parse(lxc('query', '/1.0/instances')) as string[]
  const networks = JSON.parse(lxc('query', '/1.0/networks?recursion=1')) as Array<{
    name: string
    config: Record<string, string>
  }>
  return {
    instances: instances.map((url) => url.split('/').pop() ?? url).sort(),
    networks: networks
      .map(({name, config}) => ({name, config}))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  }
}
