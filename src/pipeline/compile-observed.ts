/**
 * How `diff` and `check` turn logs and graphs into allow-lists: `compile()` with the same config
 * search and `--config`/`--collapse` as `allowlist compile`, rendering nothing, so a gate checks
 * exactly the list `compile` would have written.
 */
import {compile} from '../compile.js'
import type {CollapseMode} from '../policy/collapse.js'
import type {CompileObserved} from './inputs.js'

export interface PolicySettings {
  /** `--config`: a config file instead of the search. */
  configPath?: string | undefined
  /** `--collapse`: overrides the config. */
  collapse?: CollapseMode | undefined
}

/**
 * @param settings The policy flags.
 * @returns A `CompileObserved` running the policy with them.
 */
export function observedCompiler(settings: PolicySettings = {}): CompileObserved {
  return async (inputs) => {
    const {allowList} = await compile(inputs, {
      formats: [],
      configPath: settings.configPath,
      collapse: settings.collapse,
    })
    return allowList
  }
}
