/**
 * Where the bridge's dnsmasq writes its query log, and where we can read it. A native LXD runs
 * dnsmasq in the host's mount namespace, so the path is the path; the snap runs it with a private
 * /tmp that the host sees under `/tmp/snap-private-tmp/snap.lxd/tmp/`.
 */
import {existsSync} from 'node:fs'
import {chmod, mkdtemp, rm, stat, writeFile} from 'node:fs/promises'
import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import {AllowlistError} from '../errors.js'
import {setTimeout as sleep} from 'node:timers/promises'

/** The host directory behind the LXD snap's private /tmp. */
export const SNAP_PRIVATE_TMP = '/tmp/snap-private-tmp/snap.lxd/tmp'

export type Packaging = 'snap' | 'native'

export interface LogFile {
  /** The path written into `log-facility=`, as dnsmasq sees it. */
  configured: string
  /** The same file as this process sees it. */
  readable: string
  /** Remove the file (and its directory when we made one). */
  remove(): Promise<void>
}

/** Snap when the snap's socket exists and `LXD_DIR` does not point elsewhere. */
export function detectPackaging(): Packaging {
  if (process.env.LXD_DIR) return 'native'
  return existsSync('/var/snap/lxd/common/lxd/unix.socket') ? 'snap' : 'native'
}

/**
 * Prepare a log file for one capture.
 *
 * Native: a private directory (0711) holding an empty file (0666), because dnsmasq runs as an
 * unprivileged user and would otherwise create a file only root can read; a directory rather
 * than a bare file in /tmp because `fs.protected_regular` refuses to let dnsmasq open a file
 * someone else owns in a sticky directory. Snap: a bare name in /tmp (the only directory both
 * sides have), read through the private-tmp path, which needs root.
 */
export async function prepareLogFile(packaging: Packaging = detectPackaging()): Promise<LogFile> {
  if (packaging === 'snap') {
    const name = `allowlist-${randomBytes(6).toString('hex')}.log`
    const readable = join(SNAP_PRIVATE_TMP, name)
    return {configured: join('/tmp', name), readable, remove: () => rm(readable, {force: true})}
  }
  const directory = await mkdtemp('/tmp/allowlist-capture-')
  await chmod(directory, 0o711)
  const path = join(directory, 'dnsmasq.log')
  await writeFile(path, '', {mode: 0o666})
  await chmod(path, 0o666)
  return {
    configured: path,
    readable: path,
    remove: () => rm(directory, {recursive: true, force: true}),
  }
}

/**
 * Wait until dnsmasq has written to the log (it logs `started, version …` when it starts).
 *
 * @param log The prepared file.
 * @param timeoutMs How long to wait.
 * @returns Its size in bytes once non-empty.
 */
export async function waitForLog(
  log: LogFile,
  timeoutMs = 15_000,
  signal?: AbortSignal,
): Promise<number> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const {size} = await stat(log.readable)
      if (size > 0) return size
    } catch (error) {
      lastError = error
    }
    await sleep(100, undefined, {signal})
  }
  const reason =
    (lastError as NodeJS.ErrnoException | undefined)?.code === 'EACCES'
      ? 'it exists but cannot be read (run as root)'
      : 'nothing was written there'
  throw new AllowlistError(
    `The bridge's dnsmasq log \`${log.readable}\` (configured as \`${log.configured}\`) is not readable: ${reason}`,
    {
      exit: 'environment',
      suggestions: ['Check `lxc network info` and the LXD log for dnsmasq errors'],
    },
  )
}

/**
 * Remove the log a capture configured in `rawDnsmasq` (for `--cleanup`). Only paths of the
 * shapes `prepareLogFile` creates are touched, so a user's own `log-facility` is never removed.
 *
 * @returns The removed path, if any.
 */
export async function removeCaptureLog(rawDnsmasq: string): Promise<string | undefined> {
  const configured = /^log-facility=(.*)$/m.exec(rawDnsmasq)?.[1]
  if (configured === undefined) return undefined
  const native = /^(\/tmp\/allowlist-capture-[A-Za-z0-9]{6})\/dnsmasq\.log$/.exec(configured)
  if (native) {
    await rm(native[1] as string, {recursive: true, force: true})
    return native[1]
  }
  const snap = /^\/tmp\/(allowlist-[0-9a-f]{12}\.log)$/.exec(configured)
  if (snap) {
    const readable = join(SNAP_PRIVATE_TMP, snap[1] as string)
    await rm(readable, {force: true})
    return readable
  }
  return undefined
}
