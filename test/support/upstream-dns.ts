/**
 * A stand-in upstream DNS server for tests: a dnsmasq on a loopback address that answers every
 * name itself (`address=/#/…`), so nothing a test resolves ever leaves the machine. Extra lines
 * (`cname=`, `host-record=`, `address=/name/`) shape specific answers.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {createSocket} from 'node:dgram'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {requireProgram} from './programs.js'

export interface UpstreamDns {
  /** Loopback address it listens on. */
  address: string
  port: number
  /** `address#port`, as dnsmasq's `server=` wants it. */
  server: string
  stop(): Promise<void>
}

export interface UpstreamOptions {
  /** A 127.x.y.z address; each test file uses its own to avoid clashes. */
  address: string
  /** Extra dnsmasq config lines (`cname=a,b`, `host-record=n,1.2.3.4`, `address=/n/`). */
  records?: string[]
  /** What unknown A names resolve to (default 127.0.0.1). */
  catchAllV4?: string
}

/** Start the upstream on a free UDP port of `options.address` and wait until it answers. */
export async function startUpstreamDns(options: UpstreamOptions): Promise<UpstreamDns> {
  return startLoopbackDnsmasq(options.address, [
    'no-resolv',
    'no-hosts',
    ...(options.records ?? []),
    `address=/#/${options.catchAllV4 ?? '127.0.0.1'}`,
  ])
}

/**
 * Start a dnsmasq with `lines` as its configuration, listening on a free UDP port of `address`
 * only, and wait until it answers (any reply counts, REFUSED included).
 *
 * @param address A 127.x.y.z address.
 * @param lines Config lines besides `listen-address`, `port` and `bind-interfaces`.
 */
export async function startLoopbackDnsmasq(
  address: string,
  lines: readonly string[],
): Promise<UpstreamDns> {
  const dnsmasq = requireProgram('dnsmasq', 'dnsmasq-base')
  const port = await freeUdpPort(address)
  const directory = await mkdtemp(join(tmpdir(), 'allowlist-dnsmasq-'))
  const config = join(directory, 'dnsmasq.conf')
  await writeFile(
    config,
    ['no-poll', 'bind-interfaces', `listen-address=${address}`, `port=${port}`, ...lines, ''].join(
      '\n',
    ),
  )
  const child = spawn(
    dnsmasq,
    ['--keep-in-foreground', '--pid-file=', '--user=root', `--conf-file=${config}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const stop = async (): Promise<void> => {
    await stopChild(child)
    await rm(directory, {recursive: true, force: true})
  }
  try {
    await waitForAnswer(address, port, child)
  } catch (error) {
    await stop()
    throw new Error(`dnsmasq on ${address} did not start: ${stderr.trim() || String(error)}`)
  }
  return {address, port, server: `${address}#${port}`, stop}
}

/** Ask the OS for a free UDP port on `address`. */
export async function freeUdpPort(address: string): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject)
    socket.bind(0, address, resolve)
  })
  const {port} = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

/** Poll with a minimal DNS query for `.` until the server replies (at most ~5 s). */
export async function waitForAnswer(
  address: string,
  port: number,
  child: ChildProcess,
): Promise<void> {
  // Header: id 0x1234, RD, one question; question: root name, type NS, class IN.
  const query = Buffer.from([0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1])
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`)
    const answered = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4')
      const timer = setTimeout(() => {
        socket.close()
        resolve(false)
      }, 100)
      socket.once('message', () => {
        clearTimeout(timer)
        socket.close()
        resolve(true)
      })
      socket.send(query, port, address)
    })
    if (answered) return
  }
  throw new Error('no answer within 5 s')
}

/** SIGTERM the child we started, then SIGKILL if it lingers. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}
