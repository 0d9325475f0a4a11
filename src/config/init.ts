/**
 * Write the commented starter config (`allowlist init`), refusing to replace an existing file
 * unless asked: a config usually holds decisions someone made by hand.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {AllowlistError} from '../errors.js'
import {writeOutputFile} from '../fs/output-error.js'
import {STARTER_CONFIG, STARTER_CONFIG_FILE} from './starter.js'

export interface InitOptions {
  /** Directory to write into (default: the working directory). */
  cwd?: string | undefined
  /** Replace an existing file. */
  force?: boolean | undefined
}

/**
 * Write `allowlist.config.yaml`.
 *
 * @param options Where, and whether to overwrite.
 * @returns The path written.
 * @throws AllowlistError (exit `output`) when the file exists and `force` is not set, or cannot
 *   be written.
 */
export async function writeStarterConfig(options: InitOptions = {}): Promise<string> {
  const path = join(options.cwd ?? process.cwd(), STARTER_CONFIG_FILE)
  if (!options.force && existsSync(path)) {
    throw new AllowlistError(
      `Unexpected existing \`${STARTER_CONFIG_FILE}\`, expected no config file; use --force to replace it`,
      {exit: 'output', file: path},
    )
  }
  await writeOutputFile(path, STARTER_CONFIG)
  return path
}
