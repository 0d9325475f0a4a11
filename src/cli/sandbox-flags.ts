/**
 * The flags `capture` and `verify` share (image, network, the command's user/env/cwd, runs …)
 * and their translation into session options, so both commands read them the same way.
 */
import {Flags} from '@oclif/core'
import type {Writable} from 'node:stream'
import {parsePush, type SessionOptions} from '../capture/index.js'
import {AllowlistError} from '../errors.js'

export const sandboxFlags = {
  cwd: Flags.string({summary: 'Working directory of the command inside the instance.'}),
  env: Flags.string({
    multiple: true,
    summary: 'Environment variable for the command, as `KEY=VALUE` (repeatable).',
  }),
  image: Flags.string({
    default: 'ubuntu:24.04',
    summary:
      'Image to launch: any `lxc launch` reference (remote:alias, local alias, fingerprint).',
  }),
  keep: Flags.boolean({
    summary:
      'Keep the instance, network and raw.dnsmasq for debugging (remove later with --cleanup).',
  }),
  nat: Flags.boolean({
    allowNo: true,
    default: true,
    summary:
      'NAT from a created bridge to the outside; --no-nat also turns routing off (bridge only).',
  }),
  network: Flags.string({
    summary:
      'Use this managed bridge instead of creating one; its raw.dnsmasq is restored afterwards.',
  }),
  push: Flags.string({
    multiple: true,
    summary:
      'Copy a file into the instance before the command, as `LOCAL:/remote/path` (repeatable).',
  }),
  'ready-timeout': Flags.integer({
    default: 120,
    min: 1,
    summary: 'Seconds to wait for the instance to get an address and resolve names.',
  }),
  runs: Flags.integer({
    default: 1,
    min: 1,
    summary: 'Run the command this many times, each in a fresh instance.',
  }),
  upstream: Flags.string({
    multiple: true,
    summary:
      "Upstream DNS server, `ADDRESS[#PORT]` (repeatable): the bridge forwards there instead of the host's resolvers; verify forwards allowed names there; a rendered dnsmasq list uses it too.",
  }),
  user: Flags.string({summary: 'Run the command as this user (name or uid) inside the instance.'}),
  vm: Flags.boolean({summary: 'Launch a virtual machine instead of a container.'}),
}

export interface SandboxFlagValues {
  cwd?: string | undefined
  env?: string[] | undefined
  image: string
  keep: boolean
  nat: boolean
  network?: string | undefined
  push?: string[] | undefined
  'ready-timeout': number
  runs: number
  upstream?: string[] | undefined
  user?: string | undefined
  vm: boolean
}

/**
 * Session options from parsed flags and the command after `--`.
 *
 * @param output Where the command's stdout goes (stderr under `--json`, to keep stdout JSON).
 */
export function sandboxOptions(
  flags: SandboxFlagValues,
  command: string[],
  output: {stdout: Writable; stderr: Writable; progress: (message: string) => void},
): Omit<SessionOptions, 'rawDnsmasq'> {
  if (command.length === 0) {
    throw new AllowlistError('Unexpected empty command, expected `-- CMD [ARGS...]`', {
      exit: 'usage',
    })
  }
  return {
    image: flags.image,
    vm: flags.vm,
    network: flags.network,
    nat: flags.nat,
    command,
    runs: flags.runs,
    user: flags.user,
    env: parseEnv(flags.env ?? []),
    cwd: flags.cwd,
    push: (flags.push ?? []).map(parsePush),
    keep: flags.keep,
    readyTimeoutMs: flags['ready-timeout'] * 1000,
    ...output,
  }
}

function parseEnv(values: string[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const value of values) {
    const equals = value.indexOf('=')
    if (equals <= 0) {
      throw new AllowlistError(`Unexpected \`--env ${value}\`, expected \`KEY=VALUE\``, {
        exit: 'usage',
      })
    }
    env[value.slice(0, equals)] = value.slice(equals + 1)
  }
  return env
}
