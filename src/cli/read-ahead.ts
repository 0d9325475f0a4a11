/**
 * What the bin script does before loading the command line framework: when the command is
 * `allowlist ingest`, find the first log it will read and start reading it (see
 * src/ingest/read-ahead.ts). The flags that take a value are looked up in the command's entry
 * of `oclif.manifest.json`, which `npm run build` writes; without it nothing is read ahead.
 */
import {readFileSync} from 'node:fs'
import {readAhead} from '../ingest/read-ahead.js'

const MANIFEST_URL = new URL('../../oclif.manifest.json', import.meta.url)

/** The commands whose first argument is the first input they read. */
const READING_COMMANDS = new Set(['ingest'])

export interface ManifestFlag {
  char?: string
  type: 'boolean' | 'option'
}

/**
 * @param argv The command line after `node` and the script.
 * @returns Settles when any reading started is under way.
 */
export async function readAheadFor(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv
  if (command === undefined || !READING_COMMANDS.has(command)) return
  let flags: Record<string, ManifestFlag>
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST_URL, 'utf8')) as {
      commands: Record<string, {flags: Record<string, ManifestFlag>}>
    }
    flags = manifest.commands[command]?.flags ?? {}
  } catch {
    return
  }
  const input = firstArgument(rest, flags)
  if (input !== undefined) await readAhead(input)
}

/**
 * The first argument that is neither a flag nor a flag's value.
 *
 * @param tokens The command line after the command's id.
 * @param flags The command's flags, as in the manifest: which take a value, and their letters.
 */
export function firstArgument(
  tokens: readonly string[],
  flags: Record<string, ManifestFlag>,
): string | undefined {
  const takesValue = (token: string): boolean => {
    const flag = token.startsWith('--')
      ? flags[token.slice(2)]
      : Object.values(flags).find((candidate) => candidate.char === token.slice(1))
    return flag?.type === 'option'
  }
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string
    if (token === '--') return tokens[index + 1]
    if (token === '-' || !token.startsWith('-')) return token
    // `--output=x` and `-ox` carry their value; `--output x` and `-o x` are followed by it.
    const attached = token.includes('=') || (!token.startsWith('--') && token.length > 2)
    if (!attached && takesValue(token)) index++
  }
  return undefined
}
