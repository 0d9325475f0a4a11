import {existsSync} from 'node:fs'
import {dirname} from 'node:path'
import {PassThrough} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {AllowlistError} from '../../src/errors.js'
import {runSession, type SessionOptions} from '../../src/capture/session.js'
import {captureRawDnsmasq} from '../../src/capture/raw-dnsmasq.js'
import {removeCaptureLog} from '../../src/capture/log-location.js'
import {FakeLxd} from '../support/fake-lxd.js'

function options(overrides: Partial<SessionOptions> = {}): SessionOptions {
  return {
    image: 'allowlist-test',
    vm: false,
    nat: false,
    rawDnsmasq: (original, logging) =>
      captureRawDnsmasq(original, {...logging, upstreams: ['127.0.2.1#53']}),
    command: ['nslookup', 'example.com'],
    runs: 1,
    env: {},
    push: [],
    keep: false,
    readyTimeoutMs: 2000,
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    packaging: 'native',
    ...overrides,
  }
}

function logFileOf(fake: FakeLxd, network: string): string {
  return (
    /^log-facility=(.*)$/m.exec(fake.networkTable.get(network)?.config['raw.dnsmasq'] ?? '')?.[1] ??
    ''
  )
}

describe('runSession (fake LXD)', () => {
  it('should create a labelled bridge, slice the log per run and remove everything', async () => {
    const fake = new FakeLxd()
    let logFile = ''
    fake.onExec = (instance) => {
      logFile = logFileOf(fake, [...fake.networkTable.keys()][0] as string)
      return {queries: [`${instance}.example.com`]}
    }
    const result = await runSession(fake, options({runs: 2}))
    expect(result.runs.map((run) => run.run)).toEqual([1, 2])
    for (const run of result.runs) {
      expect(run.log).toContain(`query[A] ${run.instance}.example.com from ${run.addresses.v4[0]}`)
      expect(run.log).not.toContain('started, version')
    }
    expect(result.runs[1]?.log).not.toContain(result.runs[0]?.instance)
    expect(fake.networkTable.size).toBe(0)
    expect(fake.instanceTable.size).toBe(0)
    expect(existsSync(logFile)).toBe(false)
    expect(result.cleanup.failed).toEqual([])
  })

  it('should put no-NAT, no-routing, IPv4-only and the owner label on a created bridge', async () => {
    const fake = new FakeLxd()
    let config: Record<string, string> = {}
    fake.onExec = () => {
      config = [...fake.networkTable.values()][0]?.config ?? {}
      return {}
    }
    await runSession(fake, options())
    expect(config).toMatchObject({
      'ipv4.nat': 'false',
      'ipv4.routing': 'false',
      'ipv6.address': 'none',
      'user.allowlist.owner': `${process.pid}@${(await import('node:os')).hostname()}`,
    })
    expect(config['ipv4.address']).toMatch(/^10\.\d+\.\d+\.1\/24$/)
    expect(config['raw.dnsmasq']).toMatch(
      /^no-resolv\nserver=127\.0\.2\.1#53\nlog-queries=extra\nlog-facility=\/tmp\/allowlist-capture-\w+\/dnsmasq\.log\nquiet-dhcp\nquiet-dhcp6\n$/,
    )
  })

  it('should restore a borrowed bridge byte for byte, and keep the user lines during the run', async () => {
    const fake = new FakeLxd()
    const original = 'dhcp-option=6,10.0.0.1\n  # user comment  \nlog-queries\n'
    const config = {'ipv4.address': '10.50.0.1/24', 'raw.dnsmasq': original, 'dns.domain': 'lxd'}
    fake.networkTable.set('shared', {
      name: 'shared',
      type: 'bridge',
      managed: true,
      description: 'mine',
      config,
    })
    let during = ''
    fake.onExec = () => {
      during = fake.networkTable.get('shared')?.config['raw.dnsmasq'] ?? ''
      expect(fake.networkTable.get('shared')?.config['user.allowlist.saved-raw-dnsmasq']).toBe(
        original,
      )
      return {}
    }
    await runSession(fake, options({network: 'shared'}))
    expect(during).toContain('dhcp-option=6,10.0.0.1\n  # user comment  \n')
    expect(during.match(/^log-queries/gm)).toEqual(['log-queries'])
    expect(fake.networkTable.get('shared')?.config).toEqual(config)
  })

  it('should leave a borrowed bridge without raw.dnsmasq without it again', async () => {
    const fake = new FakeLxd()
    const config = {'ipv4.address': '10.50.0.1/24'}
    fake.networkTable.set('plain', {
      name: 'plain',
      type: 'bridge',
      managed: true,
      description: '',
      config,
    })
    await runSession(fake, options({network: 'plain'}))
    expect(fake.networkTable.get('plain')?.config).toEqual(config)
  })

  it('should clean up and rethrow when the instance cannot be launched', async () => {
    const fake = new FakeLxd()
    fake.launch = async () => {
      throw new Error('image not found')
    }
    await expect(runSession(fake, options())).rejects.toThrow('image not found')
    expect(fake.networkTable.size).toBe(0)
  })

  it('should restore a borrowed bridge when the run fails', async () => {
    const fake = new FakeLxd()
    const config = {'ipv4.address': '10.50.0.1/24', 'raw.dnsmasq': 'dhcp-option=3\n'}
    fake.networkTable.set('shared', {
      name: 'shared',
      type: 'bridge',
      managed: true,
      description: '',
      config,
    })
    fake.onExec = () => {
      throw new Error('exec failed')
    }
    await expect(runSession(fake, options({network: 'shared'}))).rejects.toThrow('exec failed')
    expect(fake.networkTable.get('shared')?.config).toEqual(config)
    expect(fake.instanceTable.size).toBe(0)
  })

  it('should pass the command exit code through and still clean up', async () => {
    const fake = new FakeLxd()
    fake.onExec = () => ({exitCode: 7})
    const result = await runSession(fake, options())
    expect(result.exitCode).toBe(7)
    expect(fake.instanceTable.size).toBe(0)
  })

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'should clean up and end as `interrupted` on %s during the command',
    async (signal) => {
      const fake = new FakeLxd()
      fake.onExec = (_instance, _command, execOptions) =>
        new Promise((resolve) => {
          execOptions.signal?.addEventListener('abort', () => resolve({exitCode: 130}))
          process.kill(process.pid, signal)
        })
      const error = await runSession(fake, options()).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(AllowlistError)
      expect((error as AllowlistError).exit).toBe('interrupted')
      expect(fake.networkTable.size).toBe(0)
      expect(fake.instanceTable.size).toBe(0)
      expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([0, 0])
      expect((error as AllowlistError).message).toBe(`Interrupted by ${signal}; cleaned up`)
    },
  )

  it('should stop a launch that is still running on SIGINT and delete the half-made instance', async () => {
    const fake = new FakeLxd()
    const launch = fake.launch.bind(fake)
    fake.launch = async (spec, signal) => {
      await launch(spec)
      process.kill(process.pid, 'SIGINT')
      await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()))
      signal?.throwIfAborted()
    }
    const error = (await runSession(fake, options()).catch(
      (caught: unknown) => caught,
    )) as AllowlistError
    expect(error.exit).toBe('interrupted')
    expect([fake.instanceTable.size, fake.networkTable.size]).toEqual([0, 0])
  })

  it('should leave everything in place under keep', async () => {
    const fake = new FakeLxd()
    const result = await runSession(fake, options({keep: true}))
    expect(fake.networkTable.size).toBe(1)
    expect(fake.instanceTable.size).toBe(1)
    expect(result.kept).toHaveLength(3)
    const network = [...fake.networkTable.keys()][0] as string
    const logFile = logFileOf(fake, network)
    expect(existsSync(logFile)).toBe(true)
    // What --cleanup does once this process is gone.
    expect(
      await removeCaptureLog(fake.networkTable.get(network)?.config['raw.dnsmasq'] ?? ''),
    ).toBe(dirname(logFile))
    expect(existsSync(dirname(logFile))).toBe(false)
  })

  it('should push files, resolve the user and pass env and cwd', async () => {
    const fake = new FakeLxd()
    const seen: string[] = []
    fake.onExec = (_instance, command, execOptions) => {
      if (command[2] === 'id -u "$1" && id -g "$1"') return {output: '1000\n1001\n'}
      seen.push(
        JSON.stringify({
          uid: execOptions.uid,
          gid: execOptions.gid,
          cwd: execOptions.cwd,
          env: execOptions.env,
        }),
      )
      return {}
    }
    await runSession(
      fake,
      options({
        user: 'user',
        cwd: '/tmp',
        env: {A: '1'},
        push: [{local: './x.sh', remote: '/root/x.sh'}],
      }),
    )
    expect(
      fake.calls.some((call) =>
        /^pushFile allowlist-\w+-1 \.\/x\.sh \/root\/x\.sh 1000:1001$/.test(call),
      ),
    ).toBe(true)
    expect(seen).toEqual([JSON.stringify({uid: 1000, gid: 1001, cwd: '/tmp', env: {A: '1'}})])
  })

  it('should refuse a bridge another live capture has borrowed', async () => {
    const fake = new FakeLxd()
    const label = `${process.pid}@${(await import('node:os')).hostname()}`
    fake.networkTable.set('busy', {
      name: 'busy',
      type: 'bridge',
      managed: true,
      description: '',
      config: {'user.allowlist.borrowed-by': label},
    })
    await expect(runSession(fake, options({network: 'busy'}))).rejects.toThrow(
      /in use by another capture/,
    )
  })

  it('should reject a network that is not a managed bridge', async () => {
    const fake = new FakeLxd()
    fake.networkTable.set('eth0', {
      name: 'eth0',
      type: 'physical',
      managed: false,
      description: '',
      config: {},
    })
    await expect(runSession(fake, options({network: 'eth0'}))).rejects.toThrow(
      'Unexpected network `eth0` of type `physical` (unmanaged), expected a managed bridge',
    )
  })
})

describe('preflight', () => {
  it('should say how to install LXD when lxc is missing', async () => {
    const fake = new FakeLxd()
    fake.missing = true
    const error = (await runSession(fake, options()).catch(
      (caught: unknown) => caught,
    )) as AllowlistError
    expect(error.message).toBe('`lxc` is not installed, expected the LXD client on PATH')
    expect(error.exit).toBe('environment')
    expect(error.suggestions.join(' ')).toContain('apt install lxd')
  })

  it('should report an unreachable daemon as an environment error', async () => {
    const fake = new FakeLxd()
    fake.reachable = false
    const error = (await runSession(fake, options()).catch(
      (caught: unknown) => caught,
    )) as AllowlistError
    expect(error.message).toContain('The LXD daemon is not reachable')
    expect(error.exit).toBe('environment')
  })

  it('should ask for lxd init when the default profile has no root disk', async () => {
    const fake = new FakeLxd()
    fake.rootDisk = false
    const error = (await runSession(fake, options()).catch(
      (caught: unknown) => caught,
    )) as AllowlistError
    expect(error.message).toContain('LXD is not initialised')
    expect(fake.calls).toEqual([])
  })
})
