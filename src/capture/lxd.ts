/**
 * The small interface capture and verify use to drive LXD. Everything the capture logic needs
 * from LXD goes through these methods, so unit tests can run the whole flow against an in-memory
 * fake and only the end-to-end tests need a daemon. The real implementation is `LxcCli`.
 */
import type {Writable} from 'node:stream'

/** A network as `GET /1.0/networks/NAME` returns it (the fields capture reads). */
export interface LxdNetwork {
  name: string
  /** `bridge`, `macvlan`, `physical` … */
  type: string
  /** `false` for host interfaces LXD only lists. */
  managed: boolean
  description: string
  /** Exact config values; `raw.dnsmasq` is compared and restored byte for byte. */
  config: Record<string, string>
}

/** A new managed bridge. */
export interface NetworkSpec {
  name: string
  description: string
  config: Record<string, string>
}

/** An instance as `GET /1.0/instances?recursion=1` returns it (the fields capture reads). */
export interface LxdInstance {
  name: string
  /** `Running`, `Stopped` … */
  status: string
  config: Record<string, string>
}

/** What to launch. The instance always gets `eth0` on `network`. */
export interface LaunchSpec {
  name: string
  /** An image reference as `lxc launch` takes it: `ubuntu:24.04`, a local alias, a fingerprint. */
  image: string
  network: string
  /** A virtual machine instead of a container. */
  vm: boolean
  /** Deleted by LXD when it stops, so even a lost cleanup cannot leave it running forever. */
  ephemeral: boolean
  /** `user.*` labels (see labels.ts). */
  config: Record<string, string>
}

/** The instance's global addresses on all its interfaces except loopback. */
export interface InstanceAddresses {
  v4: string[]
  v6: string[]
}

export interface ExecOptions {
  /** Numeric uid and gid to run as (LXD's `exec` takes numbers only). */
  uid?: number
  gid?: number
  cwd?: string | undefined
  env?: Record<string, string>
  /** Where the command's output goes; the default discards it. */
  stdout?: Writable
  stderr?: Writable
  /** Aborting stops the local `lxc exec` (the instance is deleted by the caller's cleanup). */
  signal?: AbortSignal | undefined
}

export interface ExecResult {
  /** The command's exit code (`lxc exec` passes it through). */
  exitCode: number
  /** Collected stdout, only when `options.stdout` was not given. */
  output: string
}

export interface Lxd {
  /** `GET /1.0`: server facts; rejects when the daemon cannot be reached. */
  server(): Promise<{serverVersion: string; trusted: boolean}>
  /** Whether the default profile gives instances a root disk (false before `lxd init`). */
  defaultProfileHasRootDisk(): Promise<boolean>
  networks(): Promise<LxdNetwork[]>
  network(name: string): Promise<LxdNetwork>
  createNetwork(spec: NetworkSpec): Promise<void>
  /** Replace the whole config (PUT), so values land exactly as given. */
  replaceNetworkConfig(name: string, config: Record<string, string>): Promise<void>
  deleteNetwork(name: string): Promise<void>
  instances(): Promise<LxdInstance[]>
  /** Aborting stops the local `lxc launch` (a half-created instance is the caller's to delete). */
  launch(spec: LaunchSpec, signal?: AbortSignal): Promise<void>
  addresses(instance: string): Promise<InstanceAddresses>
  exec(instance: string, command: string[], options?: ExecOptions): Promise<ExecResult>
  /** Copy a file in, creating parent directories; owned by `owner` when given (else root). */
  pushFile(
    instance: string,
    localPath: string,
    remotePath: string,
    owner?: {uid: number; gid: number},
  ): Promise<void>
  /** Stop and delete; resolves when the instance is gone or did not exist. */
  deleteInstance(instance: string): Promise<void>
}
