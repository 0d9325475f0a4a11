/**
 * Run rendered Unbound output the way Unbound loads it: a minimal unbound.conf (no chroot, no
 * pid file, no user switch, everything in the test's directory) that `include:`s the output.
 * `unboundCheckconf` checks it; `startUnbound` serves it on loopback, forwarding to a test
 * upstream, to prove what it answers.
 */
import {spawn} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {requireProgram} from './programs.js'
import {runProgram, type ProgramResult} from './run-program.js'
import {freeUdpPort, stopChild, waitForAnswer, type UpstreamDns} from './upstream-dns.js'

/** Write the wrapper config; returns its path. */
async function writeConfig(
  directory: string,
  include: string,
  listen: {address: string; port: number},
  forwardTo?: UpstreamDns,
): Promise<string> {
  const config = join(directory, 'unbound.conf')
  await writeFile(
    config,
    [
      'server:',
      '\tusername: ""',
      '\tchroot: ""',
      `\tdirectory: "${directory}"`,
      '\tpidfile: ""',
      '\tuse-syslog: no',
      '\tlogfile: ""',
      `\tinterface: ${listen.address}`,
      `\tport: ${listen.port}`,
      '\tdo-ip6: no',
      '\tdo-not-query-localhost: no',
      '\tmodule-config: "iterator"',
      `include: "${include}"`,
      ...(forwardTo
        ? ['forward-zone:', '\tname: "."', `\tforward-addr: ${forwardTo.address}@${forwardTo.port}`]
        : []),
      '',
    ].join('\n'),
  )
  return config
}

/** `unbound-checkconf` on a config including `include`. */
export async function unboundCheckconf(directory: string, include: string): Promise<ProgramResult> {
  const config = await writeConfig(directory, include, {address: '127.0.1.3', port: 53})
  return runProgram('unbound-checkconf', 'unbound', [config])
}

/** Serve `include` on `address`, forwarding every allowed name to `upstream`. */
export async function startUnbound(
  directory: string,
  include: string,
  address: string,
  upstream: UpstreamDns,
): Promise<{port: number; stop: () => Promise<void>}> {
  const unbound = requireProgram('unbound', 'unbound')
  const port = await freeUdpPort(address)
  const config = await writeConfig(directory, include, {address, port}, upstream)
  const child = spawn(unbound, ['-d', '-c', config], {stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  try {
    await waitForAnswer(address, port, child)
  } catch (error) {
    await stopChild(child)
    throw new Error(`unbound did not start: ${stderr.trim() || String(error)}`)
  }
  return {port, stop: () => stopChild(child)}
}
