/**
 * Loopback TCP helpers for tests that start a real server (Squid, HAProxy): pick a free port to
 * put in its config, then wait until the server accepts connections on it.
 */
import type {ChildProcess} from 'node:child_process'
import {connect, createServer, type AddressInfo} from 'node:net'

/**
 * @param address A loopback address to bind.
 * @returns A port that was free on `address` a moment ago.
 */
export async function freeTcpPort(address: string): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, address, resolve))
  const {port} = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * Poll until `address:port` accepts a connection (at most ~10 s).
 *
 * @param child The server process; its exit ends the wait with an error.
 * @throws Error when the server exits or does not listen in time.
 */
export async function waitForTcp(
  address: string,
  port: number,
  child: ChildProcess,
): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, address)
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`not listening on ${address}:${port} within 10 s`)
}
