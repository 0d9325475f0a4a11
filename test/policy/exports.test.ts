import {describe, expect, it} from 'vitest'

describe('public API of the policy, config and compile modules', () => {
  it('should export the policy, config and compile entry points', async () => {
    const keys = Object.keys(await import('../../src/index.js'))
    expect(keys).toEqual(
      expect.arrayContaining([
        'applyPolicy',
        'policyRules',
        'RULE_IDS',
        'COLLAPSE_MODES',
        'parsePattern',
        'matchesPattern',
        'loadConfig',
        'validateConfig',
        'resolveConfig',
        'CONFIG_SEARCH_PLACES',
        'configSchema',
        'configJsonSchema',
        'compile',
        'compileTree',
        'explain',
        'explainName',
        'formatExplanation',
        'formatReport',
        'messagesToData',
      ]),
    )
  })
})
