/**
 * Find, read and validate the configuration. cosmiconfig looks in the working directory for
 * `allowlist.config.{json,yaml,yml,js,mjs,cjs,ts}`, `.allowlistrc` (JSON or YAML),
 * `.allowlistrc.{json,yaml,yml,js,mjs,cjs,ts}` and the `allowlist` key of `package.json`;
 * `--config PATH` names a file instead. Without any, the defaults apply. Every problem is an
 * `AllowlistError` with exit code `config` naming the file (and key path).
 */
import {relative} from 'node:path'
import {cosmiconfig} from 'cosmiconfig'
import {AllowlistError} from '../errors.js'
import {formatIssue} from './format-issues.js'
import {CONFIG_KEYS, configSchema, type Config} from './schema.js'

/** Where a config is looked for, in this order (the first found wins). */
export const CONFIG_SEARCH_PLACES = [
  'package.json',
  '.allowlistrc',
  '.allowlistrc.json',
  '.allowlistrc.yaml',
  '.allowlistrc.yml',
  '.allowlistrc.js',
  '.allowlistrc.mjs',
  '.allowlistrc.cjs',
  '.allowlistrc.ts',
  'allowlist.config.json',
  'allowlist.config.yaml',
  'allowlist.config.yml',
  'allowlist.config.js',
  'allowlist.config.mjs',
  'allowlist.config.cjs',
  'allowlist.config.ts',
]

export interface LoadConfigOptions {
  /** Directory to search (default: the working directory). */
  cwd?: string | undefined
  /** A config file to read instead of searching (`--config`). */
  configPath?: string | undefined
}

export interface LoadedConfig {
  config: Config
  /** The file it came from; `undefined` when none was found and defaults apply. */
  filepath: string | undefined
}

/**
 * Load and validate the configuration.
 *
 * @param options Where to look.
 * @returns The validated config and its file.
 * @throws AllowlistError (exit `config`) for unreadable, unparsable or invalid configs.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd()
  const explorer = cosmiconfig('allowlist', {
    searchPlaces: CONFIG_SEARCH_PLACES,
    searchStrategy: 'none',
    cache: false,
  })
  let result
  try {
    result = options.configPath
      ? await explorer.load(options.configPath)
      : await explorer.search(cwd)
  } catch (error) {
    // cosmiconfig stamps the file it failed on; its own first line repeats the path, so the
    // reason is taken from the rest.
    const failed = (error as {filepath?: string}).filepath ?? options.configPath ?? cwd
    const file = relative(cwd, failed) || failed
    const lines = error instanceof Error ? error.message.split('\n') : [String(error)]
    const reason = (/ Error in /.test(lines[0] ?? '') ? lines[1] : lines[0]) ?? ''
    throw new AllowlistError(`Cannot read config \`${file}\`: ${reason.trim()}`, {
      exit: 'config',
      file,
      cause: error,
    })
  }
  if (!result) return {config: {}, filepath: undefined}
  const display = relative(cwd, result.filepath) || result.filepath
  return {config: validateConfig(result.config ?? {}, display), filepath: result.filepath}
}

/**
 * Validate a config object.
 *
 * @param input The parsed file content.
 * @param file The file name to show in messages.
 * @returns The validated config.
 * @throws AllowlistError (exit `config`) listing every problem, one a line.
 */
export function validateConfig(input: unknown, file: string): Config {
  const result = configSchema.safeParse(input)
  if (result.success) return result.data
  const messages = result.error.issues.map((issue) => formatIssue(issue, input, file, CONFIG_KEYS))
  throw new AllowlistError(messages.join('\n'), {exit: 'config', file})
}
