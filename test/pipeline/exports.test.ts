import {describe, expect, it} from 'vitest'

describe('public API of the list readers and the pipeline commands', () => {
  it('should export list parsing, diff, check and merge', async () => {
    const keys = Object.keys(await import('../../src/index.js'))
    expect(keys).toEqual(
      expect.arrayContaining([
        'LIST_SYNTAXES',
        'parseList',
        'readList',
        'detectListSyntax',
        'createMatcher',
        'readAllowListDocument',
        'DIFF_SCHEMA',
        'diffAllowLists',
        'diffInputs',
        'formatDiffText',
        'formatDiffMarkdown',
        'CHECK_SCHEMA',
        'checkAgainstList',
        'checkInputs',
        'demandsOf',
        'formatCheckText',
        'formatCheckMarkdown',
        'checkAnnotations',
        'publishCheck',
        'classifyInput',
        'readInputsAsAllowLists',
        'observedCompiler',
        'MERGE_SCHEMA',
        'mergeGraphFiles',
        'formatMergeSummary',
      ]),
    )
  })
})
