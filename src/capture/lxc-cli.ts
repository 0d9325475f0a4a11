/**
 * `Lxd` over the `lxc` command line. The CLI, rather than the REST API on the unix socket,
 * because `lxc exec` already streams output and returns the command's exit code (the REST API
 * needs a websocket client for that), and because it finds the daemon wherever it lives (snap or
 * native socket, `LXD_DIR`, remotes) with the user's own credentials. Structured reads and exact
 * config writes go through `lxc query`, which speaks the REST API with JSON in and out, so no
 * table or YAML output is ever parsed.
 */
import {spawn} from 'node:child_process'
import type {
  ExecOptions,
  ExecResult,
  InstanceAddresses,
  LaunchSpec,
  Lxd,
  LxdInstance,
  LxdNetwork,
  NetworkSpec,
} from './lxd.js'

/** A failed `lxc` call: its arguments and what it printed on stderr. */
export class LxcError extends Error {
  readonly args: string[]
  readonly stderr: string
  /** `true` when the program itself is missing (spawn ENOENT). */
  readonly missing: boolean

  constructor(args: string[], stderr: string, missing = false) {
    const detail = stderr.trim().replace(/^Error: /, '') || 'failed'
    super(`\`lxc ${args.slice(0, 2).join(' ')}\`: ${detail}`)
    this.name = 'LxcError'
    this.args = args
    this.stderr = stderr
    this.missing = missing
  }
}

interface RunResult {
  code: number
  stdout: string
  stderr: string
}

export class LxcCli implements Lxd {
  readonly #program: string

  /** @param program The `lxc` executable (default: `lxc` on PATH). */
  constructor(program = 'lxc') {
    this.#program = program
  }

  async server(): Promise<{serverVersion: string; trusted: boolean}> {
    const info = (await this.#query('GET', '/1.0')) as {
      auth?: string
      environment?: {server_version?: string}
    }
    return {serverVersion: info.environment?.server_version ?? '', trusted: info.auth === 'trusted'}
  }

  async defaultProfileHasRootDisk(): Promise<boolean> {
    const profile = (await this.#query('GET', '/1.0/profiles/default')) as {
      devices?: Record<string, Record<string, string>>
    }
    return Object.values(profile.devices ?? {}).some(
      (device) => device.type === 'disk' && device.path === '/',
    )
  }

  async networks(): Promise<LxdNetwork[]> {
    const list = (await this.#query('GET', '/1.0/networks?recursion=1')) as RawNetwork[]
    return list.map(toNetwork)
  }

  async network(name: string): Promise<LxdNetwork> {
    return toNetwork((await this.#query('GET', `/1.0/networks/${encode(name)}`)) as RawNetwork)
  }

  async createNetwork(spec: NetworkSpec): Promise<void> {
    await this.#query('POST', '/1.0/networks', {
      name: spec.name,
      type: 'bridge',
      description: spec.description,
      config: spec.config,
    })
  }

  async replaceNetworkConfig(name: string, config: Record<string, string>): Promise<void> {
    const current = await this.network(name)
    await this.#query('PUT', `/1.0/networks/${encode(name)}`, {
      description: current.description,
      config,
    })
  }

  async deleteNetwork(name: string): Promise<void> {
    await this.#query('DELETE', `/1.0/networks/${encode(name)}`)
  }

  async instances(): Promise<LxdInstance[]> {
    const list = (await this.#query('GET', '/1.0/instances?recursion=1')) as LxdInstance[]
    return list.map(({name, status, config}) => ({name, status, config: config ?? {}}))
  }

  async launch(spec: LaunchSpec, signal?: AbortSignal): Promise<void> {
    const args = ['launch', spec.image, spec.name, '--quiet', '--network', spec.network]
    if (spec.ephemeral) args.push('--ephemeral')
    if (spec.vm) args.push('--vm')
    for (const [key, value] of Object.entries(spec.config)) args.push('--config', `${key}=${value}`)
    await this.#check(args, signal)
  }

  async addresses(instance: string): Promise<InstanceAddresses> {
    const state = (await this.#query('GET', `/1.0/instances/${encode(instance)}/state`)) as {
      network?: Record<
        string,
        {addresses?: Array<{family: string; address: string; scope: string}>}
      >
    }
    const result: InstanceAddresses = {v4: [], v6: []}
    for (const [device, details] of Object.entries(state.network ?? {})) {
      if (device === 'lo') continue
      for (const address of details.addresses ?? []) {
        if (address.scope !== 'global') continue
        if (address.family === 'inet') result.v4.push(address.address)
        if (address.family === 'inet6') result.v6.push(address.address)
      }
    }
    return result
  }

  async exec(instance: string, command: string[], options: ExecOptions = {}): Promise<ExecResult> {
    const args = ['exec', instance, '--mode', 'non-interactive']
    if (options.uid !== undefined) args.push('--user', String(options.uid))
    if (options.gid !== undefined) args.push('--group', String(options.gid))
    if (options.cwd !== undefined) args.push('--cwd', options.cwd)
    for (const [key, value] of Object.entries(options.env ?? {}))
      args.push('--env', `${key}=${value}`)
    args.push('--', ...command)
    const result = await this.#run(args, options)
    return {exitCode: result.code, output: result.stdout}
  }

  async pushFile(
    instance: string,
    localPath: string,
    remotePath: string,
    owner?: {uid: number; gid: number},
  ): Promise<void> {
    const ownership = owner ? ['--uid', String(owner.uid), '--gid', String(owner.gid)] : []
    await this.#check([
      'file',
      'push',
      '--create-dirs',
      ...ownership,
      localPath,
      `${instance}${remotePath}`,
    ])
  }

  async deleteInstance(instance: string): Promise<void> {
    const result = await this.#run(['delete', '--force', instance])
    if (result.code !== 0 && !/not found/i.test(result.stderr)) {
      throw new LxcError(['delete', instance], result.stderr)
    }
  }

  /** `lxc query` with JSON in and out; `--wait` so background operations are finished. */
  async #query(method: string, path: string, body?: unknown): Promise<unknown> {
    const args = ['query', '--wait', '-X', method, path]
    if (body !== undefined) args.push('--data', JSON.stringify(body))
    const output = await this.#check(args)
    return output.trim() === '' ? {} : JSON.parse(output)
  }

  async #check(args: string[], signal?: AbortSignal): Promise<string> {
    const result = await this.#run(args, {signal})
    signal?.throwIfAborted()
    if (result.code !== 0) throw new LxcError(args, result.stderr)
    return result.stdout
  }

  /**
   * Run `lxc` in its own process group, so a Ctrl-C in the terminal reaches only allowlist,
   * which then stops this child and cleans up in order.
   */
  #run(
    args: string[],
    options: Pick<ExecOptions, 'stdout' | 'stderr' | 'signal'> = {},
  ): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.#program, args, {stdio: ['ignore', 'pipe', 'pipe'], detached: true})
      let stdout = ''
      let stderr = ''
      if (options.stdout) child.stdout.pipe(options.stdout, {end: false})
      else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => {
        if (options.stderr) options.stderr.write(chunk)
        else stderr += chunk.toString()
      })
      let killTimer: NodeJS.Timeout | undefined
      const onAbort = (): void => {
        child.kill('SIGTERM')
        killTimer = setTimeout(() => child.kill('SIGKILL'), 3000)
      }
      options.signal?.addEventListener('abort', onAbort, {once: true})
      child.once('error', (error: NodeJS.ErrnoException) => {
        options.signal?.removeEventListener('abort', onAbort)
        if (error.code === 'ENOENT') reject(new LxcError(args, `${this.#program}: not found`, true))
        else reject(error)
      })
      child.once('close', (code, signal) => {
        options.signal?.removeEventListener('abort', onAbort)
        if (killTimer) clearTimeout(killTimer)
        resolve({code: code ?? (signal ? 128 + signalNumber(signal) : 1), stdout, stderr})
      })
    })
  }
}

interface RawNetwork {
  name: string
  type: string
  managed: boolean
  description?: string
  config?: Record<string, string>
}

function toNetwork(raw: RawNetwork): LxdNetwork {
  return {
    name: raw.name,
    type: raw.type,
    managed: raw.managed,
    description: raw.description ?? '',
    config: raw.config ?? {},
  }
}

function encode(name: string): string {
  return encodeURIComponent(name)
}

function signalNumber(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 2 : signal === 'SIGKILL' ? 9 : 15
}
