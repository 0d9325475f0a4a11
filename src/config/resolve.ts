/**
 * From "a config, a config path, or nothing" plus command-line overrides to the options the
 * policy and the renderers take. `compile` and `explain` both go through here, so a name is
 * explained under exactly the policy it was compiled with.
 */
import type {CollapseMode} from '../policy/collapse.js'
import type {PolicyOptions} from '../policy/index.js'
import {loadConfig} from './load.js'
import type {Config} from './schema.js'

export interface ConfigSource {
  /** A config to use as is; when absent it is searched for (or read from `configPath`). */
  config?: Config | undefined
  /** A config file to read instead of searching (`--config`). */
  configPath?: string | undefined
  /** Where to search for a config (default: the working directory). */
  cwd?: string | undefined
  /** Overrides the config's `collapse` (`--collapse`). */
  collapse?: CollapseMode | undefined
}

export interface ResolvedConfig {
  policy: PolicyOptions
  /** The config's `formats` (options per format name). */
  formats: NonNullable<Config['formats']>
  /** The file it came from, if any. */
  configFile: string | undefined
}

/**
 * Load (if needed) and split the configuration.
 *
 * @param source Where the config comes from, and overrides.
 * @returns Policy options, per-format options and the config file.
 * @throws AllowlistError (exit `config`) for an unreadable or invalid config.
 */
export async function resolveConfig(source: ConfigSource): Promise<ResolvedConfig> {
  const loaded = source.config
    ? {config: source.config, filepath: undefined}
    : await loadConfig({cwd: source.cwd, configPath: source.configPath})
  const {formats, ...policy} = loaded.config
  delete policy.$schema
  if (source.collapse) policy.collapse = source.collapse
  return {policy, formats: formats ?? {}, configFile: loaded.filepath}
}
