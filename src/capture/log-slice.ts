/**
 * Cutting one run out of the bridge's query log: the bytes written after the instance became
 * ready, and of those only the lines of the instance's own addresses. `log-queries=extra` puts
 * the client on every line (`7 10.1.2.3/51122 reply …`), so another instance on a shared bridge
 * can never leak into the result, even for answers that are not next to their query.
 */
import {open, stat} from 'node:fs/promises'

/** `dnsmasq[PID]: SERIAL CLIENT/PORT ` as `log-queries=extra` writes it. */
const EXTRA_PREFIX = /dnsmasq\[\d+\]: \d+ ([0-9A-Fa-f.:]+)\/\d+ /

/** The current size of the log, as the start offset of the next run. */
export async function logSize(path: string): Promise<number> {
  return (await stat(path)).size
}

/**
 * Read the log from `offset` to its end.
 *
 * @param path The readable log path.
 * @param offset Byte offset (a size returned by `logSize`).
 */
export async function readFrom(path: string, offset: number): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const {size} = await handle.stat()
    const buffer = Buffer.alloc(Math.max(0, size - offset))
    await handle.read(buffer, 0, buffer.length, offset)
    return buffer.toString('utf8')
  } finally {
    await handle.close()
  }
}

/**
 * Keep the lines of `clients`, and lines that name no client (start-up and DHCP lines, which
 * ingest reads as context); drop the query lines of every other client.
 *
 * @param text Log lines.
 * @param clients The instance's addresses.
 */
export function keepClients(text: string, clients: ReadonlySet<string>): string {
  return text
    .split('\n')
    .filter((line) => {
      const match = EXTRA_PREFIX.exec(line)
      return !match || clients.has(match[1] as string)
    })
    .join('\n')
}
