/**
 * One sandbox: launch an ephemeral instance on the bridge, wait until it has an address and its
 * resolver answers, copy files in, run the command with its output streamed and its exit code
 * kept.
 */
import {setTimeout as sleep} from 'node:timers/promises'
import type {Writable} from 'node:stream'
import {AllowlistError} from '../errors.js'
import type {Cleanup} from './cleanup.js'
import {ownerLabel, OWNER_KEY} from './labels.js'
import type {InstanceAddresses, Lxd} from './lxd.js'

export interface InstanceOptions {
  image: string
  vm: boolean
  network: string
  /** The bridge's DNS domain (`dns.domain`, default `lxd`), for the readiness probe. */
  dnsDomain: string
  /** How long to wait for an address and a working resolver. */
  readyTimeoutMs: number
  signal?: AbortSignal | undefined
}

/** A file to copy into the instance before the command runs. */
export interface PushedFile {
  local: string
  remote: string
}

export interface CommandOptions {
  /** A user name or numeric uid inside the instance. */
  user?: string | undefined
  env: Record<string, string>
  cwd?: string | undefined
  push: readonly PushedFile[]
  stdout: Writable
  stderr: Writable
  signal?: AbortSignal | undefined
}

/**
 * Launch `name` and wait until it can resolve names. Registers its deletion on `cleanup` first,
 * so an interrupt during the launch still removes it.
 *
 * @returns The instance's addresses once it has an IPv4 one.
 */
export async function launchInstance(
  lxd: Lxd,
  name: string,
  options: InstanceOptions,
  cleanup: Cleanup,
): Promise<InstanceAddresses> {
  cleanup.add(`instance ${name}`, () => lxd.deleteInstance(name))
  await lxd.launch(
    {
      name,
      image: options.image,
      network: options.network,
      vm: options.vm,
      ephemeral: true,
      config: {[OWNER_KEY]: ownerLabel()},
    },
    options.signal,
  )
  const deadline = Date.now() + options.readyTimeoutMs
  const addresses = await waitForAddress(lxd, name, deadline, options.signal)
  await waitForResolver(lxd, name, `${name}.${options.dnsDomain}`, deadline, options.signal)
  return addresses
}

async function waitForAddress(
  lxd: Lxd,
  name: string,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<InstanceAddresses> {
  while (Date.now() < deadline) {
    const addresses = await lxd.addresses(name)
    if (addresses.v4.length > 0) return addresses
    await sleep(250, undefined, {signal})
  }
  throw new AllowlistError(`Instance \`${name}\` got no IPv4 address from its bridge in time`, {
    exit: 'environment',
    suggestions: ['Raise `--ready-timeout`, or check that the image configures eth0 by DHCP'],
  })
}

/**
 * Ask the bridge's dnsmasq for the instance's own name until it answers. The query is
 * answered locally and happens before the run's log offset, so it never reaches the result.
 */
async function waitForResolver(
  lxd: Lxd,
  name: string,
  probeName: string,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const probe = [
    'sh',
    '-c',
    'if command -v getent >/dev/null 2>&1; then getent hosts "$1"; else nslookup "$1"; fi',
    'probe',
    probeName,
  ]
  while (Date.now() < deadline) {
    const {exitCode} = await lxd.exec(name, probe, {signal})
    if (exitCode === 0) return
    await sleep(250, undefined, {signal})
  }
  throw new AllowlistError(`Instance \`${name}\` cannot resolve names through its bridge`, {
    exit: 'environment',
    suggestions: [
      'Check the bridge with `lxc network info`, and that the image has `getent` or `nslookup`',
    ],
  })
}

/**
 * Copy the files in and run the command.
 *
 * @returns The command's exit code.
 */
export async function runInInstance(
  lxd: Lxd,
  name: string,
  command: readonly string[],
  options: CommandOptions,
): Promise<number> {
  const identity =
    options.user === undefined ? undefined : await resolveUser(lxd, name, options.user)
  // Owned by the user the command runs as, so it can read (and run) what was pushed for it.
  for (const file of options.push) await lxd.pushFile(name, file.local, file.remote, identity)
  const {exitCode} = await lxd.exec(name, [...command], {
    ...identity,
    ...(options.cwd === undefined ? {} : {cwd: options.cwd}),
    env: options.env,
    stdout: options.stdout,
    stderr: options.stderr,
    ...(options.signal ? {signal: options.signal} : {}),
  })
  return exitCode
}

/** LXD's exec takes numeric ids only: look a user name up with `id` inside the instance. */
async function resolveUser(
  lxd: Lxd,
  name: string,
  user: string,
): Promise<{uid: number; gid: number}> {
  const lookup = await lxd.exec(name, ['sh', '-c', 'id -u "$1" && id -g "$1"', 'id', user])
  const [uid, gid] = lookup.output.trim().split('\n').map(Number)
  if (lookup.exitCode !== 0 || uid === undefined || gid === undefined || Number.isNaN(uid + gid)) {
    throw new AllowlistError(
      `Unexpected user \`${user}\`, expected a user that exists in the image`,
      {
        exit: 'usage',
      },
    )
  }
  return {uid, gid}
}

/**
 * Parse `--push LOCAL:REMOTE`.
 *
 * @throws AllowlistError (usage) when REMOTE is missing or not absolute.
 */
export function parsePush(value: string): PushedFile {
  const colon = value.lastIndexOf(':')
  const local = value.slice(0, colon)
  const remote = value.slice(colon + 1)
  if (colon <= 0 || !remote.startsWith('/')) {
    throw new AllowlistError(
      `Unexpected \`--push ${value}\`, expected \`LOCAL:/absolute/remote/path\``,
      {
        exit: 'usage',
      },
    )
  }
  return {local, remote}
}
