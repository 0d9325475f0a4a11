import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseList} from '../../src/lists/index.js'
import {checkAgainstList} from '../../src/pipeline/check.js'
import {
  appendJobSummary,
  checkAnnotations,
  escapeData,
  escapeProperty,
  workflowCommand,
} from '../../src/pipeline/github.js'
import {inlineCode} from '../../src/pipeline/markdown.js'
import {allowListOf, entry} from '../support/allow-list.js'

describe('GitHub workflow commands', () => {
  it('should escape %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb:c,d')).toBe('100%25 a%0D%0Ab:c,d')
    expect(escapeProperty('100% a\r\nb:c,d')).toBe('100%25 a%0D%0Ab%3Ac%2Cd')
  })

  it('should keep a hostile file name from ending the command or starting another', () => {
    const line = workflowCommand(
      'error',
      {file: 'x,line=1::\n::error::pwned', title: 'T'},
      'm\n::warning::x',
    )
    expect(line).toBe(
      '::error file=x%2Cline=1%3A%3A%0A%3A%3Aerror%3A%3Apwned,title=T::m%0A::warning::x',
    )
    expect(line.split('\n')).toHaveLength(1)
  })

  it('should annotate blocked names as errors and unused entries as warnings on the list file', () => {
    const list = parseList(
      'no-resolv\nserver=/example.com/1.1.1.1\naddress=/ads.example.com/\nserver=/old.org/1.1.1.1\n',
      'list.conf',
    )
    const result = checkAgainstList(
      [
        allowListOf([
          entry('example.com', {
            includesSubdomains: true,
            sources: ['ads.example.com', 'www.example.com'],
          }),
          entry('unpkg.com'),
        ]),
      ],
      list,
      ['dns.log'],
    )
    expect(checkAnnotations(result)).toEqual([
      '::error file=list.conf,line=3,title=ads.example.com would be blocked::ads.example.com would be blocked by list.conf: denied by .ads.example.com on line 3 (needed by entry .example.com)',
      '::error file=list.conf,title=unpkg.com would be blocked::unpkg.com would be blocked by list.conf: no entry allows it (needed by entry unpkg.com)',
      '::warning file=list.conf,line=4,title=Unused entry .old.org::No checked name needed .old.org',
    ])
  })

  it('should append sections to the job summary', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'allowlist-summary-'))
    try {
      const path = join(directory, 'summary.md')
      await appendJobSummary(path, '### one')
      await appendJobSummary(path, '### two')
      expect(await readFile(path, 'utf8')).toBe('### one\n\n### two\n\n')
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})

describe('inlineCode', () => {
  it('should fence backticks, escape pipes and flatten newlines', () => {
    expect(inlineCode('a.example.com')).toBe('`a.example.com`')
    expect(inlineCode('a`b|c\nd')).toBe('``a`b\\|c d``')
    expect(inlineCode('`x')).toBe('`` `x ``')
  })
})
