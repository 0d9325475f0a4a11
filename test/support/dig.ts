/**
 * Ask a loopback DNS server one question with `dig` and return the response code and addresses,
 * for tests that check what a rendered resolver config really answers.
 */
import {runProgram} from './run-program.js'

export interface DigAnswer {
  /** `NOERROR`, `NXDOMAIN`, `REFUSED` … */
  status: string
  /** A/AAAA records in the answer section, in order. */
  addresses: string[]
}

/**
 * Query `name` at `address#port`.
 *
 * @param type `A` or `AAAA`.
 */
export function dig(address: string, port: number, name: string, type = 'A'): DigAnswer {
  const {status, output} = runProgram('dig', 'bind9-dnsutils', [
    `@${address}`,
    '-p',
    String(port),
    '+time=2',
    '+tries=1',
    name,
    type,
  ])
  const code = /status: ([A-Z]+)/.exec(output)?.[1]
  if (status !== 0 || code === undefined) throw new Error(`dig ${name} failed: ${output}`)
  const addresses = [...output.matchAll(/^\S+\s+\d+\s+IN\s+(?:A|AAAA)\s+(\S+)$/gm)].map(
    (match) => match[1] as string,
  )
  return {status: code, addresses}
}
