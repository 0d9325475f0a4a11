/**
 * Run a real consumer (squid, nft, dnsmasq, pactester …) on a rendered file and keep everything it
 * said: several of them exit 0 while printing warnings, so tests look at the output as well.
 */
import {spawnSync} from 'node:child_process'
import {requireProgram} from './programs.js'

export interface ProgramResult {
  status: number | null
  /** Standard output and standard error together. */
  output: string
}

/**
 * Run `program` to completion (at most 30 s).
 *
 * @param program The executable name, found with `requireProgram`.
 * @param debianPackage The package that provides it.
 * @param args Its arguments.
 * @param input Text for its standard input, if any.
 */
export function runProgram(
  program: string,
  debianPackage: string,
  args: readonly string[],
  input?: string,
): ProgramResult {
  const path = requireProgram(program, debianPackage)
  const result = spawnSync(path, args, {encoding: 'utf8', timeout: 30_000, input})
  if (result.error) throw result.error
  return {status: result.status, output: `${result.stdout}${result.stderr}`}
}
