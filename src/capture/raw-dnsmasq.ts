/**
 * The `raw.dnsmasq` value capture and verify put on a bridge. User lines stay, except the ones
 * the run must own: logging (so the log lands where we read it) and, when we forward elsewhere
 * or enforce a list, every line that decides where names are forwarded.
 */

/** Options whose value capture must control to find and parse the log. */
const LOGGING_KEYS = new Set([
  'log-queries',
  'log-facility',
  'log-async',
  'quiet-dhcp',
  'quiet-dhcp6',
])
/** Options that decide where a name is forwarded or how it is answered. */
const FORWARDING_KEYS = new Set([
  'server',
  'local',
  'address',
  'rev-server',
  'servers-file',
  'resolv-file',
  'no-resolv',
])

export interface LoggingOptions {
  /** Where dnsmasq should write its log, as the daemon's dnsmasq sees the filesystem. */
  logFile: string
  /** `log-queries=extra` (query serial and client on every line) instead of `log-queries`. */
  extra: boolean
}

/**
 * The value for a capture: user lines, optional fixed upstreams, logging.
 *
 * @param userValue The network's `raw.dnsmasq` before the run (may be empty).
 * @param options Logging, and `upstreams` (`address#port`): when non-empty the bridge forwards
 *   only to them (`no-resolv` + `server=`), replacing the user's forwarding lines.
 * @returns The new value, one option a line, final newline.
 */
export function captureRawDnsmasq(
  userValue: string,
  options: LoggingOptions & {upstreams: readonly string[]},
): string {
  const forwardsElsewhere = options.upstreams.length > 0
  const kept = userLines(userValue, forwardsElsewhere)
  const forwarding = forwardsElsewhere
    ? ['no-resolv', ...options.upstreams.map((server) => `server=${server}`)]
    : []
  return joinLines([...kept, ...forwarding, ...loggingLines(options)])
}

/**
 * The value for a verification run: user lines without forwarding, then the allow-only lines
 * (`server=/domain/upstream` per allowed domain) and logging. With `no-resolv` and no default
 * `server=`, dnsmasq answers every other name with REFUSED and logs `config error is REFUSED`.
 *
 * @param userValue The network's `raw.dnsmasq` before the run.
 * @param allowOnlyLines The enforcing lines, e.g. from the dnsmasq renderer.
 */
export function verifyRawDnsmasq(
  userValue: string,
  allowOnlyLines: readonly string[],
  logging: LoggingOptions,
): string {
  const enforcing = allowOnlyLines.filter((line) => !LOGGING_KEYS.has(optionKey(line)))
  return joinLines([
    ...userLines(userValue, true),
    'no-resolv',
    ...enforcing,
    ...loggingLines(logging),
  ])
}

/** The option name of a config line (`server=/a/1.2.3.4` → `server`), without leading dashes. */
export function optionKey(line: string): string {
  return (line.trim().replace(/^--/, '').split('=')[0] ?? '').trim()
}

function userLines(value: string, dropForwarding: boolean): string[] {
  return value
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      const key = optionKey(line)
      return !LOGGING_KEYS.has(key) && !(dropForwarding && FORWARDING_KEYS.has(key))
    })
}

function loggingLines(options: LoggingOptions): string[] {
  return [
    options.extra ? 'log-queries=extra' : 'log-queries',
    `log-facility=${options.logFile}`,
    'quiet-dhcp',
    'quiet-dhcp6',
  ]
}

function joinLines(lines: string[]): string {
  return `${lines.join('\n')}\n`
}
