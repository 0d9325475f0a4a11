import {describe, expect, it} from 'vitest'
import {diffAllowLists} from '../../src/pipeline/diff.js'
import {formatDiffMarkdown, formatDiffText} from '../../src/pipeline/diff-report.js'
import {allowListOf, entry} from '../support/allow-list.js'

const before = allowListOf([
  entry('example.com', {sources: ['example.com']}),
  entry('registry.npmjs.org'),
  entry('old.example.org'),
])
const after = allowListOf([
  entry('example.com', {includesSubdomains: true, sources: ['a.example.com', 'example.com']}),
  entry('registry.npmjs.org'),
  entry('foo.github.io'),
  entry('bar.github.io'),
])
const inputs = {old: ['old.txt'], new: ['new.json']}

describe('diffAllowLists', () => {
  it('should group additions and removals by registrable domain, private suffixes included', () => {
    const diff = diffAllowLists(before, after, inputs)
    expect(diff.same).toBe(false)
    expect(diff.counts).toEqual({added: 3, removed: 2, unchanged: 1})
    expect(diff.groups.map((group) => group.domain)).toEqual([
      'bar.github.io',
      'example.com',
      'example.org',
      'foo.github.io',
    ])
    expect(diff.groups[1]).toEqual({
      domain: 'example.com',
      added: [
        {
          entry: '.example.com',
          name: 'example.com',
          includesSubdomains: true,
          sources: ['a.example.com', 'example.com'],
        },
      ],
      removed: [
        {
          entry: 'example.com',
          name: 'example.com',
          includesSubdomains: false,
          sources: ['example.com'],
        },
      ],
    })
  })

  it('should find nothing between a list and itself', () => {
    const diff = diffAllowLists(after, after, inputs)
    expect(diff).toMatchObject({
      same: true,
      groups: [],
      counts: {added: 0, removed: 0, unchanged: 4},
    })
  })

  it('should print the names behind an entry when they differ from it', () => {
    expect(formatDiffText(diffAllowLists(before, after, inputs))).toBe(
      [
        '3 added, 2 removed, 1 unchanged (old.txt → new.json)',
        '',
        'bar.github.io',
        '  + bar.github.io',
        '',
        'example.com',
        '  + .example.com  (a.example.com, example.com)',
        '  - example.com',
        '',
        'example.org',
        '  - old.example.org',
        '',
        'foo.github.io',
        '  + foo.github.io',
      ].join('\n'),
    )
  })

  it('should render a Markdown table', () => {
    const markdown = formatDiffMarkdown(diffAllowLists(before, after, inputs))
    expect(markdown).toContain('| registrable domain | change | entry | names |')
    expect(markdown).toContain(
      '| `example.com` | added | `.example.com` | `a.example.com`, `example.com` |',
    )
    expect(markdown).toContain(
      '| `example.org` | removed | `old.example.org` | `old.example.org` |',
    )
  })
})
