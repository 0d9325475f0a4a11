/**
 * Flags shared by the commands that run the policy (`compile`, `explain`), and the flags of
 * `compile`'s output, kept as objects so other commands (and format-specific flags) extend them
 * by spreading instead of redefining them.
 */
import {Flags} from '@oclif/core'
import {COLLAPSE_MODES} from '../policy/collapse.js'

/** Which config and how names collapse. */
export const policyFlags = {
  collapse: Flags.option({
    description: 'How names become entries (overrides the config): exact, registrable or auto',
    options: COLLAPSE_MODES,
  })(),
  config: Flags.string({
    description:
      'Read this config file instead of searching for allowlist.config.*, .allowlistrc* or package.json#allowlist',
    helpValue: 'PATH',
  }),
}

/** Formats, targets and how warnings are treated. */
export const compileFlags = {
  ...policyFlags,
  format: Flags.string({
    char: 'f',
    default: ['plain'],
    description: 'Output format; repeat for several (see `allowlist templates list`)',
    multiple: true,
  }),
  'out-dir': Flags.string({
    description: 'Write each format into this directory under its own file name',
    exclusive: ['output'],
    helpValue: 'DIR',
  }),
  output: Flags.string({
    char: 'o',
    description: 'Write the (single) format to this file, atomically; stdout when absent',
    exclusive: ['out-dir'],
    helpValue: 'FILE',
  }),
  strict: Flags.boolean({description: 'Exit 1 when the policy reported any warning'}),
  verbose: Flags.boolean({
    description: 'Also report infos: collapsed, subsumed and omitted names',
  }),
}
