/**
 * Check rendered Squid output the way Squid itself reads it: wrapped in a minimal squid.conf
 * (no pid file, no logs, nothing outside the test's directory) and run through `squid -k parse`.
 * Squid exits 0 on several problems (overlapping domains, empty ACLs), so any line that says
 * FATAL, ERROR, WARNING, "is ignored" or "Bungled" counts as a failure too. `startSquid` runs it
 * as a proxy, to see which requests the rendered ACL lets through.
 */
import {spawn} from 'node:child_process'
import {chmod, writeFile} from 'node:fs/promises'
import {request as httpRequest} from 'node:http'
import {join} from 'node:path'
import {requireProgram} from './programs.js'
import {runProgram} from './run-program.js'
import {freeTcpPort, waitForTcp} from './tcp.js'
import {stopChild} from './upstream-dns.js'

export interface SquidCheck {
  status: number | null
  /** Squid's complaints, one per line; empty when it accepted the file silently. */
  problems: string[]
}

/**
 * Parse `content` as Squid would load it.
 *
 * @param directory A directory the test owns.
 * @param content The rendered output.
 * @param mode `acl`: the output is included; `file`: an ACL loads it as a domain list.
 * @param withHttpAccess Add `http_access` lines naming the ACL (leave off when the output has them).
 */
export async function squidParse(
  directory: string,
  content: string,
  mode: 'acl' | 'file',
  withHttpAccess = true,
): Promise<SquidCheck> {
  const output = join(directory, mode === 'acl' ? 'allowlist.squid.conf' : 'allowlist.txt')
  const config = join(directory, 'squid.conf')
  await writeFile(output, content)
  await writeFile(
    config,
    [
      'pid_filename none',
      'cache_log stdio:/dev/null',
      'access_log none',
      `coredump_dir ${directory}`,
      'http_port 127.0.1.9:3128',
      mode === 'acl' ? `include ${output}` : `acl allowlist dstdomain "${output}"`,
      ...(withHttpAccess ? ['http_access allow allowlist', 'http_access deny all'] : []),
      '',
    ].join('\n'),
  )
  const {status, output: said} = runProgram('squid', 'squid', ['-k', 'parse', '-f', config])
  const problems = said
    .split('\n')
    .filter((line) => /FATAL|ERROR|WARNING|Warning|is ignored|Bungled/.test(line))
  return {status, problems}
}

export interface RunningSquid {
  /** Send `GET http://HOST:PORT/` through the proxy; resolves to the HTTP status. */
  get(host: string, port: number): Promise<number>
  stop(): Promise<void>
}

/**
 * Run Squid in the foreground as a proxy on 127.0.1.9 with `include` as its access rules.
 * Names resolve only through `hosts` (the nameserver is a loopback address where nothing
 * listens), the pinger is off, and a unique service name keeps its shared-memory segments apart
 * from any other Squid. Squid drops to its own user, so `directory` must be writable by it.
 *
 * @param directory A directory the test owns (made world-writable here).
 * @param include The rendered output, with its own `http_access` lines.
 * @param hosts `name address` pairs for Squid's hosts file.
 */
export async function startSquid(
  directory: string,
  include: string,
  hosts: readonly (readonly [string, string])[],
): Promise<RunningSquid> {
  const squid = requireProgram('squid', 'squid')
  await chmod(directory, 0o777)
  const port = await freeTcpPort('127.0.1.9')
  const config = join(directory, 'squid-run.conf')
  await writeFile(
    join(directory, 'hosts'),
    hosts.map(([name, address]) => `${address} ${name}\n`).join(''),
  )
  await writeFile(
    config,
    [
      'pid_filename none',
      `cache_log ${join(directory, 'cache.log')}`,
      'access_log none',
      `coredump_dir ${directory}`,
      'cache deny all',
      'pinger_enable off',
      'shutdown_lifetime 0 seconds',
      `hosts_file ${join(directory, 'hosts')}`,
      'dns_nameservers 127.0.1.6',
      `http_port 127.0.1.9:${port}`,
      `include ${include}`,
      '',
    ].join('\n'),
  )
  const child = spawn(squid, ['-N', '-n', `allowlist${process.pid}x${port}`, '-f', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const stop = () => stopChild(child)
  try {
    await waitForTcp('127.0.1.9', port, child)
  } catch (error) {
    await stop()
    throw new Error(`squid did not start: ${stderr.trim() || String(error)}`)
  }
  const get = (host: string, targetPort: number) =>
    new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.1.9',
          port,
          path: `http://${host}:${targetPort}/`,
          headers: {host: `${host}:${targetPort}`},
        },
        (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        },
      )
      request.on('error', reject)
      request.end()
    })
  return {get, stop}
}
