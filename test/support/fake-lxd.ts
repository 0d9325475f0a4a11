/**
 * An in-memory `Lxd` for unit tests of the capture flow. It behaves like the daemon where the
 * flow depends on it: networks with exact config values, a bridge dnsmasq that writes its
 * start-up line to the `log-facility` file on every config change, ephemeral instances with an
 * address, and an `exec` whose effect (exit code, output, query log lines) a test scripts.
 */
import {appendFileSync} from 'node:fs'
import type {
  ExecOptions,
  ExecResult,
  InstanceAddresses,
  LaunchSpec,
  Lxd,
  LxdInstance,
  LxdNetwork,
  NetworkSpec,
} from '../../src/capture/lxd.js'
import {LxcError} from '../../src/capture/lxc-cli.js'

/** What a scripted command does: its exit code, output and the queries it makes. */
export interface FakeExec {
  exitCode?: number
  output?: string
  /** Names to log as `query[A]` + `reply … is 127.0.0.1` from the instance's address. */
  queries?: string[]
}

export class FakeLxd implements Lxd {
  readonly networkTable = new Map<string, LxdNetwork>()
  readonly instanceTable = new Map<string, LxdInstance & {network: string; address: string}>()
  /** Every call, as `method arg`, for assertions on order. */
  readonly calls: string[] = []
  reachable = true
  missing = false
  rootDisk = true
  /** Scripted effect of the workload command (not the readiness probe). */
  onExec: (
    instance: string,
    command: readonly string[],
    options: ExecOptions,
  ) => FakeExec | Promise<FakeExec> = () => ({})
  #nextHost = 10
  #serial = 0

  async server(): Promise<{serverVersion: string; trusted: boolean}> {
    if (this.missing) throw new LxcError(['query'], 'lxc: not found', true)
    if (!this.reachable) throw new LxcError(['query'], 'Error: LXD unix socket not accessible')
    return {serverVersion: '5.0.2', trusted: true}
  }

  async defaultProfileHasRootDisk(): Promise<boolean> {
    return this.rootDisk
  }

  async networks(): Promise<LxdNetwork[]> {
    return [...this.networkTable.values()].map((network) => structuredClone(network))
  }

  async network(name: string): Promise<LxdNetwork> {
    const network = this.networkTable.get(name)
    if (!network) throw new LxcError(['query'], 'Error: Network not found')
    return structuredClone(network)
  }

  async createNetwork(spec: NetworkSpec): Promise<void> {
    this.calls.push(`createNetwork ${spec.name}`)
    this.networkTable.set(spec.name, {
      name: spec.name,
      type: 'bridge',
      managed: true,
      description: spec.description,
      config: {...spec.config},
    })
    this.#startDnsmasq(spec.name)
  }

  async replaceNetworkConfig(name: string, config: Record<string, string>): Promise<void> {
    this.calls.push(`replaceNetworkConfig ${name}`)
    const network = this.networkTable.get(name)
    if (!network) throw new LxcError(['query'], 'Error: Network not found')
    network.config = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== ''))
    this.#startDnsmasq(name)
  }

  async deleteNetwork(name: string): Promise<void> {
    this.calls.push(`deleteNetwork ${name}`)
    this.networkTable.delete(name)
  }

  async instances(): Promise<LxdInstance[]> {
    return [...this.instanceTable.values()].map(({name, status, config}) => ({
      name,
      status,
      config,
    }))
  }

  async launch(spec: LaunchSpec, _signal?: AbortSignal): Promise<void> {
    this.calls.push(`launch ${spec.name}`)
    const network = this.networkTable.get(spec.network)
    if (!network) throw new LxcError(['launch'], 'Error: Network not found')
    const prefix = (network.config['ipv4.address'] ?? '10.99.0.1/24').replace(/\.\d+\/\d+$/, '')
    this.instanceTable.set(spec.name, {
      name: spec.name,
      status: 'Running',
      config: {...spec.config},
      network: spec.network,
      address: `${prefix}.${this.#nextHost++}`,
    })
  }

  async addresses(instance: string): Promise<InstanceAddresses> {
    const found = this.instanceTable.get(instance)
    return {v4: found ? [found.address] : [], v6: []}
  }

  async exec(instance: string, command: string[], options: ExecOptions = {}): Promise<ExecResult> {
    const found = this.instanceTable.get(instance)
    if (!found) throw new LxcError(['exec'], 'Error: Instance not found')
    if (command[0] === 'sh' && command[3] === 'probe') return {exitCode: 0, output: ''}
    this.calls.push(`exec ${instance} ${command.join(' ')}`)
    const effect = await this.onExec(instance, command, options)
    for (const name of effect.queries ?? []) this.logQuery(found.network, found.address, name)
    if (effect.output !== undefined) options.stdout?.write(effect.output)
    return {exitCode: effect.exitCode ?? 0, output: options.stdout ? '' : (effect.output ?? '')}
  }

  async pushFile(
    instance: string,
    localPath: string,
    remotePath: string,
    owner?: {uid: number; gid: number},
  ): Promise<void> {
    const ownership = owner ? ` ${owner.uid}:${owner.gid}` : ''
    this.calls.push(`pushFile ${instance} ${localPath} ${remotePath}${ownership}`)
  }

  async deleteInstance(instance: string): Promise<void> {
    if (this.instanceTable.delete(instance)) this.calls.push(`deleteInstance ${instance}`)
  }

  /** Log one answered A query on `network` as the bridge's dnsmasq would (`log-queries=extra`). */
  logQuery(network: string, client: string, name: string): void {
    const serial = ++this.#serial
    const prefix = `Dec  4 16:00:00 dnsmasq[4242]: ${serial} ${client}/4000${serial % 10} `
    this.#log(network, [
      `${prefix}query[A] ${name} from ${client}`,
      `${prefix}forwarded ${name} to 127.0.2.1#53`,
      `${prefix}reply ${name} is 127.0.0.1`,
    ])
  }

  #startDnsmasq(network: string): void {
    this.#log(network, ['Dec  4 16:00:00 dnsmasq[4242]: started, version 2.90 cachesize 150'])
  }

  #log(network: string, lines: string[]): void {
    const raw = this.networkTable.get(network)?.config['raw.dnsmasq'] ?? ''
    const file = /^log-facility=(.*)$/m.exec(raw)?.[1]
    if (file) appendFileSync(file, `${lines.join('\n')}\n`)
  }
}
