import {describe, expect, it} from 'vitest'
import {parseList} from '../../src/lists/index.js'
import {checkAgainstList, demandsOf} from '../../src/pipeline/check.js'
import {formatCheckMarkdown, formatCheckText} from '../../src/pipeline/check-report.js'
import {allowListOf, entry} from '../support/allow-list.js'

/** What a compiled log looks like: entries with the observed names behind them. */
const observed = allowListOf([
  entry('example.com', {includesSubdomains: true, sources: ['a.example.com', 'cdn.example.com']}),
  entry('registry.npmjs.org'),
  entry('unpkg.com'),
  entry('jsdelivr.map.fastly.net', {cnameTarget: true}),
])

describe('checkAgainstList', () => {
  it('should check observed names, not the collapsed entries they map to', () => {
    const list = parseList(
      'a.example.com\ncdn.example.com\nregistry.npmjs.org\nunpkg.com\n',
      'l.txt',
    )
    const result = checkAgainstList([observed], list, ['dns.log'])
    expect(result.ok).toBe(true)
    expect(result.counts).toEqual({checked: 4, allowed: 4, blocked: 0, unused: 0})
  })

  it('should report blocked names and unused entries with their lines', () => {
    const list = parseList('.example.com\nold.example.org\n', 'allowlist.txt')
    const result = checkAgainstList([observed], list, ['dns.log'])
    expect(result.ok).toBe(false)
    expect(result.blocked).toEqual([
      {
        name: 'registry.npmjs.org',
        includesSubdomains: false,
        domain: 'npmjs.org',
        entry: 'registry.npmjs.org',
        deniedBy: null,
      },
      {
        name: 'unpkg.com',
        includesSubdomains: false,
        domain: 'unpkg.com',
        entry: 'unpkg.com',
        deniedBy: null,
      },
    ])
    expect(result.unused).toEqual([{rule: 'old.example.org', line: 2}])
  })

  it('should name the denying rule when one matched', () => {
    const list = parseList('no-resolv\nserver=/npmjs.org/1.1.1.1\nlocal=/*.npmjs.org/\n', 'd.conf')
    const [blocked] = checkAgainstList([observed], list, ['dns.log']).blocked
    expect(blocked).toMatchObject({name: 'a.example.com', deniedBy: null})
    const npm = checkAgainstList([observed], list, ['dns.log']).blocked.find(
      (item) => item.name === 'registry.npmjs.org',
    )
    expect(npm?.deniedBy).toEqual({rule: '*.npmjs.org', line: 3})
  })

  it('should need the whole domain for a list entry with subdomains', () => {
    const against = parseList('example.com\n', 'against.txt')
    const {blocked} = checkAgainstList(
      [allowListOf([entry('example.com', {includesSubdomains: true, sources: []})])],
      against,
      ['needs.txt'],
    )
    expect(blocked.map((item) => item.name)).toEqual(['.example.com'])
  })

  it('should count a list line that passes a CNAME target as used', () => {
    const list = parseList(
      '.example.com\nregistry.npmjs.org\nunpkg.com\njsdelivr.map.fastly.net\nold.example.org\n',
      'l.txt',
    )
    const result = checkAgainstList([observed], list, ['dns.log'])
    expect(result.unused).toEqual([{rule: 'old.example.org', line: 5}])
    expect(result.counts.checked).toBe(4)
  })

  it('should skip CNAME targets and deduplicate names', () => {
    expect(demandsOf([observed, observed]).map((demand) => demand.name)).toEqual([
      'a.example.com',
      'cdn.example.com',
      'registry.npmjs.org',
      'unpkg.com',
    ])
  })

  it('should print text and Markdown reports', () => {
    const result = checkAgainstList(
      [observed],
      parseList('.example.com\nold.example.org\n', 'allowlist.txt'),
      ['dns.log'],
    )
    expect(formatCheckText(result)).toBe(
      [
        '2 names of 4 would be blocked by allowlist.txt (plain)',
        '',
        'Blocked:',
        '  registry.npmjs.org  (no entry allows it)',
        '  unpkg.com  (no entry allows it)',
        '',
        'Never used (1 entry):',
        '  old.example.org  (line 2)',
      ].join('\n'),
    )
    const markdown = formatCheckMarkdown(result)
    expect(markdown).toContain('| `registry.npmjs.org` | `npmjs.org` | no entry allows it |')
    expect(markdown).toContain('<details><summary>1 entry never used</summary>')
  })
})
