/**
 * `haproxy` output pasted into a minimal `mode tcp` frontend: `haproxy -c` must accept it, and a
 * real HAProxy on loopback must pass TLS handshakes whose SNI is on the list to a backend and
 * reject the rest.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {createServer, type AddressInfo, type Server} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {connect} from 'node:tls'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {checkHaproxyAcl, sniFrontendConfig} from '../support/haproxy.js'
import {requireProgram} from '../support/programs.js'
import {freeTcpPort, waitForTcp} from '../support/tcp.js'
import {stopChild} from '../support/upstream-dns.js'

const list = allowListOf([
  entry('example.com', {includesSubdomains: true}),
  entry('registry.npmjs.org'),
])

describe('format haproxy', () => {
  let directory: string
  let haproxy: ChildProcess | undefined
  let sink: Server
  let port: number
  /** Handshake bytes the backend received, per connection. */
  const forwarded: Buffer[] = []

  beforeAll(async () => {
    const program = requireProgram('haproxy', 'haproxy')
    directory = await mkdtemp(join(tmpdir(), 'allowlist-haproxy-'))
    sink = createServer((socket) => {
      socket.once('data', (data) => forwarded.push(data))
      socket.on('error', () => {})
    })
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve))
    port = await freeTcpPort('127.0.0.1')
    const config = join(directory, 'haproxy.cfg')
    await writeFile(
      config,
      sniFrontendConfig(
        await renderFormat(list, {format: 'haproxy'}),
        'allowlist',
        port,
        (sink.address() as AddressInfo).port,
      ),
    )
    haproxy = spawn(program, ['-db', '-f', config], {stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    haproxy.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    await waitForTcp('127.0.0.1', port, haproxy).catch((error: unknown) => {
      throw new Error(`haproxy did not start: ${stderr.trim() || String(error)}`)
    })
  })

  afterAll(async () => {
    if (haproxy) await stopChild(haproxy)
    await new Promise<void>((resolve) => sink?.close(() => resolve()))
    await rm(directory, {recursive: true, force: true})
  })

  it('should write one ACL name ORed over exact (-m str) and suffix (-m end .d) lines', async () => {
    const lines = (await renderFormat(list, {format: 'haproxy'}))
      .split('\n')
      .filter((line) => line.startsWith('acl '))
    expect(lines).toEqual([
      'acl allowlist always_false',
      'acl allowlist req.ssl_sni -i -m str example.com',
      'acl allowlist req.ssl_sni -i -m end .example.com',
      'acl allowlist req.ssl_sni -i -m str registry.npmjs.org',
    ])
  })

  it('should pass haproxy -c inside a frontend, with a custom ACL name too', async () => {
    for (const acl of ['allowlist', 'egress.ok']) {
      const fragment = await renderFormat(list, {format: 'haproxy', formatOptions: {acl}})
      const verdict = await checkHaproxyAcl(directory, fragment)
      expect(verdict.ok, verdict.output).toBe(true)
    }
  })

  it.each([
    ['example.com', true],
    ['a.b.example.com', true],
    ['REGISTRY.npmjs.org', true],
    ['registry.npmjs.org', true],
    ['badexample.com', false],
    ['example.com.evil.test', false],
    ['a.registry.npmjs.org', false],
  ])('should route SNI %s through: %s', async (servername, expected) => {
    const before = forwarded.length
    const outcome = await handshake(port, servername)
    // Give the backend a moment to see what HAProxy forwarded.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(outcome).toBe(expected ? 'open' : 'closed')
    expect(forwarded.length - before).toBe(expected ? 1 : 0)
  })

  it('should define the ACL for an empty list, so the frontend loads and rejects every SNI', async () => {
    const fragment = await renderFormat(allowListOf([]), {format: 'haproxy'})
    expect(fragment.split('\n').filter((line) => line.startsWith('acl '))).toEqual([
      'acl allowlist always_false',
    ])
    const verdict = await checkHaproxyAcl(directory, fragment)
    expect(verdict.ok, verdict.output).toBe(true)
  })

  it('should refuse an ACL name HAProxy would not read', async () => {
    await expect(
      renderFormat(list, {format: 'haproxy', formatOptions: {acl: 'a b'}}),
    ).rejects.toThrow(/option `acl` of format `haproxy`, expected an ACL name/)
  })
})

/**
 * Start a TLS handshake with `servername` as SNI. HAProxy either forwards it to the silent
 * backend (the socket stays open) or rejects it (the socket closes).
 */
function handshake(port: number, servername: string): Promise<'open' | 'closed'> {
  return new Promise((resolve) => {
    const socket = connect({host: '127.0.0.1', port, servername, rejectUnauthorized: false})
    const timer = setTimeout(() => {
      socket.destroy()
      resolve('open')
    }, 1000)
    const closed = (): void => {
      clearTimeout(timer)
      resolve('closed')
    }
    socket.once('close', closed)
    socket.once('error', () => {})
  })
}
