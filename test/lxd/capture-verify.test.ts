/**
 * Capture and verify against a real LXD with the busybox test image (`.ci/start-lxd` imports
 * it). All LXD tests live in this one file so they run one after another on the shared daemon.
 * Every bridge forwards only to a loopback dnsmasq that answers every name itself, has NAT and
 * routing off and no IPv6, and the image sets no default route: nothing leaves the machine.
 */
import {spawn} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {captureGraph, LxcCli} from '../../src/capture/index.js'
import type {CaptureOptions} from '../../src/capture/index.js'
import {findNode, observedNodes} from '../../src/graph/tree.js'
import type {Observation, Root} from '../../src/graph/types.js'
import {requireProgram} from '../support/programs.js'
import {startUpstreamDns, type UpstreamDns} from '../support/upstream-dns.js'
import {lxc, lxdState, tryLxc, type LxdState} from '../support/lxd-state.js'

const IMAGE = 'allowlist-test'
/** The workload's names: A, AAAA, MX, a CNAME chain and an NXDOMAIN. */
const RECORDS = [
  'host-record=cdn.example.org,127.0.0.7',
  'cname=www.example.org,cdn.example.org',
  'address=/missing.example.net/',
  'mx-host=example.com,mail.example.com,10',
  'address=/v6.example.com/::1',
]
const WORKLOAD = [
  'nslookup -type=a registry.example.com',
  'nslookup -type=a www.example.org',
  'nslookup -type=a missing.example.net',
  'nslookup -type=aaaa v6.example.com',
  'nslookup -type=mx example.com',
].join('; ')

let upstream: UpstreamDns
let before: LxdState
let directory = ''
const lxd = new LxcCli()

function captureOptions(overrides: Partial<CaptureOptions> = {}): CaptureOptions {
  return {
    image: IMAGE,
    vm: false,
    nat: false,
    upstreams: [upstream.server],
    command: ['sh', '-c', WORKLOAD],
    runs: 1,
    env: {},
    push: [],
    keep: false,
    readyTimeoutMs: 60_000,
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    ...overrides,
  }
}

/** The names someone asked for, sorted. */
function askedNames(tree: Root): string[] {
  return [...observedNodes(tree)]
    .filter((node) => Object.keys(node.data.observation.queries).length > 0)
    .map((node) => node.name)
}

function observation(tree: Root, name: string): Partial<Observation> {
  const found = findNode(tree, name)?.data?.observation
  if (!found) throw new Error(`\`${name}\` is not in the graph`)
  const {queries, outcomes, cnameTo, clients, addresses, runs} = found
  return {queries, outcomes, cnameTo, clients, addresses, runs}
}

/** Create a bridge the way a user would, forwarding only to the loopback upstream. */
function createUserBridge(name: string, rawDnsmasq: string): void {
  lxc(
    'query',
    '-X',
    'POST',
    '/1.0/networks',
    '--data',
    JSON.stringify({
      name,
      type: 'bridge',
      config: {
        'ipv4.address': '10.254.77.1/24',
        'ipv4.nat': 'false',
        'ipv4.routing': 'false',
        'ipv6.address': 'none',
        'raw.dnsmasq': rawDnsmasq,
      },
    }),
  )
}

/** Run the CLI; resolves with its exit code and output. */
function runCli(
  args: string[],
  onStart?: (pid: number) => void,
): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/run.js', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('close', (code) => resolve({code, stdout, stderr}))
    if (child.pid !== undefined) onStart?.(child.pid)
  })
}

beforeAll(async () => {
  requireProgram('lxc', 'lxd')
  if (tryLxc('image', 'info', IMAGE) === '') {
    throw new Error(
      `LXD is not running or has no \`${IMAGE}\` image: run \`sudo bash .ci/start-lxd\` first`,
    )
  }
  upstream = await startUpstreamDns({address: '127.0.2.61', records: RECORDS})
  directory = await mkdtemp(join(tmpdir(), 'allowlist-lxd-test-'))
  before = lxdState()
})

afterAll(async () => {
  await upstream?.stop()
  await rm(directory, {recursive: true, force: true})
  // The suite's own promise: the daemon is left as it was found.
  expect(lxdState()).toEqual(before)
})

describe('capture on LXD', () => {
  it('should capture names, types, NXDOMAIN and a CNAME of the instance, then remove everything', async () => {
    const {tree, session} = await captureGraph(lxd, captureOptions())
    expect(session.exitCode).toBe(0)
    const instance = session.runs[0]?.instance ?? ''
    const none = {v4: [], v6: []}
    expect(askedNames(tree)).toEqual([
      'example.com',
      'registry.example.com',
      'v6.example.com',
      'missing.example.net',
      'www.example.org',
    ])
    expect(observation(tree, 'registry.example.com')).toEqual({
      queries: {A: 1},
      outcomes: {A: {address: 1}},
      cnameTo: [],
      clients: [instance],
      addresses: {v4: ['127.0.0.1'], v6: []},
      runs: 1,
    })
    expect(observation(tree, 'www.example.org')).toMatchObject({
      queries: {A: 1},
      outcomes: {A: {cname: 1}},
      cnameTo: ['cdn.example.org'],
      clients: [instance],
    })
    expect(observation(tree, 'cdn.example.org')).toMatchObject({
      addresses: {v4: ['127.0.0.7'], v6: []},
    })
    expect(observation(tree, 'missing.example.net')).toMatchObject({
      outcomes: {A: {nxdomain: 1}},
      addresses: none,
    })
    expect(observation(tree, 'v6.example.com')).toMatchObject({
      queries: {AAAA: 1},
      addresses: {v4: [], v6: ['::1']},
    })
    expect(observation(tree, 'example.com')).toMatchObject({queries: {MX: 1}})
    expect(tree.data?.sources?.map((source) => source.file)).toEqual([`lxd:${instance}`])
    expect(findNode(tree, 'registry.example.com')?.data?.observation?.places[0]?.file).toBe(
      `lxd:${instance}`,
    )
    expect(lxdState()).toEqual(before)
  })

  it('should restore the raw.dnsmasq of a borrowed bridge byte for byte', async () => {
    const original = `no-resolv\nserver=${upstream.server}\n# the user's own comment, trailing spaces   \ndhcp-option=42,10.254.77.1`
    createUserBridge('allowlist-t-b', original)
    try {
      const {tree} = await captureGraph(
        lxd,
        captureOptions({
          network: 'allowlist-t-b',
          upstreams: [],
          command: ['nslookup', '-type=a', 'borrowed.example.com'],
        }),
      )
      expect(askedNames(tree)).toEqual(['borrowed.example.com'])
      const after = JSON.parse(lxc('query', '/1.0/networks/allowlist-t-b')) as {
        config: Record<string, string>
      }
      expect(after.config['raw.dnsmasq']).toBe(original)
      expect(Object.keys(after.config).filter((key) => key.startsWith('user.'))).toEqual([])
    } finally {
      lxc('network', 'delete', 'allowlist-t-b')
    }
  })

  it("should keep only its own instance's queries on a bridge shared with another instance", async () => {
    createUserBridge('allowlist-t-s', `no-resolv\nserver=${upstream.server}\n`)
    try {
      lxc(
        'launch',
        IMAGE,
        'allowlist-t-other',
        '--ephemeral',
        '--network',
        'allowlist-t-s',
        '--quiet',
      )
      const noisy = spawn('lxc', [
        'exec',
        'allowlist-t-other',
        '--',
        'sh',
        '-c',
        'while true; do nslookup -type=a other.example.net >/dev/null 2>&1 && echo answered; sleep 0.1; done',
      ])
      let answered = 0
      noisy.stdout.on(
        'data',
        (chunk: Buffer) => (answered += chunk.toString().split('answered').length - 1),
      )
      try {
        const deadline = Date.now() + 20_000
        while (answered === 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 100))
        const answeredBefore = answered
        const {tree, session} = await captureGraph(
          lxd,
          captureOptions({
            network: 'allowlist-t-s',
            upstreams: [],
            command: [
              'sh',
              '-c',
              'for i in 1 2 3; do nslookup -type=a mine.example.com; sleep 0.3; done',
            ],
          }),
        )
        expect(askedNames(tree)).toEqual(['mine.example.com'])
        expect(observation(tree, 'mine.example.com')).toMatchObject({
          queries: {A: 3},
          clients: [session.runs[0]?.instance],
        })
        // The other instance kept resolving through the same logging dnsmasq meanwhile.
        expect(answered - answeredBefore).toBeGreaterThan(3)
      } finally {
        noisy.kill()
        lxc('delete', '--force', 'allowlist-t-other')
      }
    } finally {
      lxc('network', 'delete', 'allowlist-t-s')
    }
  })

  it('should run each of --runs 3 in a fresh instance and count the runs of each name', async () => {
    const {tree, session} = await captureGraph(
      lxd,
      captureOptions({
        runs: 3,
        command: [
          'sh',
          '-c',
          'nslookup -type=a common.example.com; nslookup -type=a run-$(hostname).example.com',
        ],
      }),
    )
    const instances = session.runs.map((run) => run.instance)
    expect(new Set(instances).size).toBe(3)
    expect(tree.data?.runs).toBe(3)
    expect(observation(tree, 'common.example.com')).toMatchObject({runs: 3, clients: instances})
    for (const instance of instances) {
      expect(observation(tree, `run-${instance}.example.com`)).toMatchObject({
        runs: 1,
        clients: [instance],
      })
    }
  })

  it('should clean up and exit 130 on SIGINT while the command runs', async () => {
    let pid = 0
    const running = runCli(
      [
        'capture',
        '--image',
        IMAGE,
        '--no-nat',
        '--upstream',
        upstream.server,
        '-o',
        join(directory, 'never.json'),
        '--',
        'sleep',
        '60',
      ],
      (started) => (pid = started),
    )
    try {
      // Wait until the instance exists and the command is running in it.
      const deadline = Date.now() + 30_000
      let launched = false
      while (!launched && Date.now() < deadline) {
        const mine = lxdState().instances.filter((name) => !before.instances.includes(name))
        launched =
          mine.length > 0 && tryLxc('exec', mine[0] as string, '--', 'ps').includes('sleep 60')
        if (!launched) await new Promise((resolve) => setTimeout(resolve, 200))
      }
      expect(launched).toBe(true)
    } finally {
      process.kill(pid, 'SIGINT')
    }
    const result = await running
    expect(result.code).toBe(130)
    expect(result.stderr).toContain('Interrupted by SIGINT; cleaned up')
    await expect(readFile(join(directory, 'never.json'))).rejects.toThrow(/ENOENT/)
    expect(lxdState()).toEqual(before)
  })

  it('should run the pushed script as --user with --env and --cwd, pass its exit code and still write the graph and the logs', async () => {
    const graph = join(directory, 'graph.json')
    const logs = join(directory, 'logs')
    const script = join(directory, 'job.sh')
    await writeFile(
      script,
      'echo "uid=$(id -u) greeting=$GREETING cwd=$(pwd)"\nnslookup -type=a exit.example.com >/dev/null\nexit 4\n',
    )
    const result = await runCli([
      'capture',
      '--image',
      IMAGE,
      '--no-nat',
      '--upstream',
      upstream.server,
      '-o',
      graph,
      '--log-dir',
      logs,
      '--push',
      `${script}:/tmp/job/job.sh`,
      '--user',
      'user',
      '--env',
      'GREETING=hello there',
      '--cwd',
      '/home/user',
      '--',
      'sh',
      '/tmp/job/job.sh',
    ])
    // stderr carries the progress lines: shown when this fails.
    expect({code: result.code, stdout: result.stdout}, result.stderr).toEqual({
      code: 4,
      stdout: 'uid=1000 greeting=hello there cwd=/home/user\n',
    })
    expect(result.stderr).toContain('Warning: The command exited with 4')
    const document = JSON.parse(await readFile(graph, 'utf8')) as {
      names: Record<string, {clients: string[]; places: Array<{file: string}>}>
    }
    const [instance] = document.names['exit.example.com']?.clients ?? []
    expect(document.names['exit.example.com']?.places.map((place) => place.file)).toEqual([
      join(logs, `${instance}.log`),
    ])
    expect(await readFile(join(logs, `${instance}.log`), 'utf8')).toContain(
      'query[A] exit.example.com from 10.',
    )
  })
})

describe('leftovers on LXD', () => {
  it('should keep everything under --keep and remove it with --cleanup once the run has ended', async () => {
    const kept = await runCli([
      'capture',
      '--image',
      IMAGE,
      '--no-nat',
      '--upstream',
      upstream.server,
      '--keep',
      '-o',
      join(directory, 'kept.json'),
      '--',
      'nslookup',
      '-type=a',
      'kept.example.com',
    ])
    expect(kept.code).toBe(0)
    const left = lxdState()
    const instances = left.instances.filter((name) => !before.instances.includes(name))
    const networks = left.networks.filter(
      (network) => !before.networks.some(({name}) => name === network.name),
    )
    expect([instances.length, networks.length]).toEqual([1, 1])
    expect(kept.stderr).toContain(`Kept (--keep): instance ${instances[0]}`)
    const log = /^log-facility=(.*)$/m.exec(networks[0]?.config['raw.dnsmasq'] ?? '')?.[1] ?? ''
    expect(await readFile(log, 'utf8')).toContain('query[A] kept.example.com')

    const cleaned = await runCli(['capture', '--cleanup', '--json'])
    expect(cleaned.code).toBe(0)
    expect(JSON.parse(cleaned.stdout)).toEqual({
      deletedInstances: instances,
      deletedNetworks: networks.map(({name}) => name),
      restoredNetworks: [],
      inUse: [],
    })
    expect(lxdState()).toEqual(before)
    await expect(readFile(log)).rejects.toThrow(/ENOENT/)
  })
})

describe('verify on LXD', () => {
  const workload = [
    'sh',
    '-c',
    'nslookup -type=a registry.example.com; nslookup -type=a www.example.org',
  ]
  /** Run `verify` of `list` against the workload on the test image and upstream. */
  const verifyWorkload = (list: string, ...flags: string[]) =>
    runCli([
      'verify',
      '--list',
      list,
      '--image',
      IMAGE,
      '--no-nat',
      '--upstream',
      upstream.server,
      ...flags,
      '--',
      ...workload,
    ])

  it('should verify the Squid list capture compiled for the same job', async () => {
    const lists = join(directory, 'lists')
    const captured = await runCli([
      'capture',
      '--image',
      IMAGE,
      '--no-nat',
      '--upstream',
      upstream.server,
      '-f',
      'squid',
      '-f',
      'plain',
      '--out-dir',
      lists,
      '--',
      'sh',
      '-c',
      `${workload[2]}; nslookup -type=a missing.example.net; true`,
    ])
    expect(captured.code).toBe(0)
    const squid = join(lists, 'allowlist.squid.conf')
    expect(await readFile(join(lists, 'allowlist.txt'), 'utf8')).toMatch(
      /^(#.*\n)*\.example\.com\n\.example\.org\n$/,
    )
    // The report points at the instance, not at a temporary file that is already gone.
    expect(captured.stderr).toMatch(
      /lxd:allowlist-\w+-1:\d+:\d+ +warning +Unexpected name `missing\.example\.net`/,
    )
    const verified = await verifyWorkload(squid)
    expect(verified.stdout).toContain(`Nothing denied: ${squid} covers this command (1 run(s))`)
    expect(verified.code).toBe(0)
  })

  it('should pass with a complete list', async () => {
    const list = join(directory, 'complete.txt')
    await writeFile(list, 'registry.example.com\n.example.org\n')
    const result = await verifyWorkload(list)
    expect(result.stdout).toContain(`Nothing denied: ${list} covers this command (1 run(s))`)
    expect(result.code).toBe(0)
  })

  it('should fail and name the missing name when one is removed', async () => {
    const list = join(directory, 'incomplete.txt')
    await writeFile(list, '.example.org\n')
    const result = await verifyWorkload(list, '--json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as {
      refusals: Array<{name: string; type: string; count: number; firstLine: string}>
    }
    expect(report.refusals.map(({name, type, count}) => ({name, type, count}))).toEqual([
      {name: 'registry.example.com', type: 'A', count: 1},
    ])
    expect(report.refusals[0]?.firstLine).toMatch(/query\[A\] registry\.example\.com from 10\./)
  })

  it('should deny the subdomain of an exact entry with NXDOMAIN', async () => {
    const list = join(directory, 'exact.txt')
    await writeFile(list, 'example.com\n.example.org\n')
    const result = await verifyWorkload(list)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /^denied registry\.example\.com A \(NXDOMAIN\) ×1: .*query\[A\] registry\.example\.com from 10\./m,
    )
    expect(result.stdout).toContain('1 name(s) denied: the list is incomplete for this command')
  })
})
