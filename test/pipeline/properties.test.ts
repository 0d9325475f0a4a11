/**
 * Properties of diff and check over generated lists: a list never differs from itself, a list
 * rendered and read back blocks nothing its source needs, `.d` covers every name under `d`, and
 * an exact `d` covers none of them.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {LIST_SYNTAXES, parseList} from '../../src/lists/index.js'
import {allowListFromRules} from '../../src/lists/to-allow-list.js'
import {checkAgainstList} from '../../src/pipeline/check.js'
import {diffAllowLists} from '../../src/pipeline/diff.js'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {allowList, hostname, label, subsumedAllowList} from '../support/arbitraries.js'

const inputs = {old: ['x'], new: ['x']}
const RUNS = {numRuns: 200}

describe('diff properties', () => {
  it('should find no difference between a list and itself, in any order', () => {
    fc.assert(
      fc.property(allowList, (list) => {
        const shuffled = {...list, entries: [...list.entries].reverse()}
        const diff = diffAllowLists(list, shuffled, inputs)
        expect(diff.same).toBe(true)
        expect(diff.groups).toEqual([])
      }),
      RUNS,
    )
  })

  it('should find no difference between a subsumed list and its rendering read back', async () => {
    await fc.assert(
      fc.asyncProperty(
        subsumedAllowList,
        fc.constantFrom('plain', 'json'),
        async (list, format) => {
          const read = parseList(await renderFormat(list, {format}), `list.${format}`)
          expect(diffAllowLists(list, allowListFromRules(read), inputs).same).toBe(true)
        },
      ),
      RUNS,
    )
  })

  it('should report every added entry exactly once', () => {
    fc.assert(
      fc.property(allowList, allowList, (before, after) => {
        const diff = diffAllowLists(before, after, inputs)
        const added = diff.groups.flatMap((group) => group.added.map((item) => item.entry))
        expect(new Set(added).size).toBe(added.length)
        expect(diff.counts.added + diff.counts.unchanged).toBe(diff.new.entries)
        expect(diff.counts.removed + diff.counts.unchanged).toBe(diff.old.entries)
      }),
      RUNS,
    )
  })
})

describe('check properties', () => {
  // hosts lines cannot carry "and subdomains", so only exact lists survive that format.
  const FORMATS = LIST_SYNTAXES.filter((syntax) => syntax !== 'hosts')

  it('should block nothing when a list is checked against its own rendering, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(allowList, fc.constantFrom(...FORMATS), async (list, format) => {
        const against = parseList(await renderFormat(list, {format}), `list.${format}`, format)
        const result = checkAgainstList([list], against, ['dns.log'])
        expect(result.blocked).toEqual([])
        expect(result.ok).toBe(true)
      }),
      RUNS,
    )
  })

  it('should block nothing when an exact list is checked against its hosts rendering', async () => {
    const exactList = allowList.map((list) =>
      allowListOf(
        list.entries.map((item) => ({...item, includesSubdomains: false, sources: [item.name]})),
      ),
    )
    await fc.assert(
      fc.asyncProperty(exactList, async (list) => {
        const against = parseList(
          await renderFormat(list, {format: 'hosts'}),
          'list.hosts',
          'hosts',
        )
        expect(checkAgainstList([list], against, ['dns.log']).blocked).toEqual([])
      }),
      RUNS,
    )
  })

  it('should never report a name under a `.d` entry as blocked, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostname,
        fc.array(label, {maxLength: 3}),
        allowList,
        fc.constantFrom(...FORMATS),
        async (domain, prefix, others, format) => {
          const list = allowListOf([
            entry(domain, {includesSubdomains: true}),
            ...others.entries.filter((item) => item.name !== domain),
          ])
          const against = parseList(await renderFormat(list, {format}), `list.${format}`, format)
          const needs = allowListOf([entry([...prefix, domain].join('.'))])
          expect(checkAgainstList([needs], against, ['x']).blocked).toEqual([])
        },
      ),
      RUNS,
    )
  })

  // Unbound zones always cover their subtree, so it is the one format left out here.
  const EXACT_FORMATS = [
    'plain',
    'json',
    'squid',
    'dnsmasq',
    'rpz',
    'pac',
    'hosts',
    'adblock',
    'haproxy',
  ] as const

  it('should never let an exact entry cover a subdomain, in every format that has exact entries', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostname,
        label,
        fc.uniqueArray(hostname, {maxLength: 6}),
        fc.constantFrom(...EXACT_FORMATS),
        async (domain, sub, exact, format) => {
          const name = `${sub}.${domain}`
          fc.pre(!exact.includes(name))
          const names = [...new Set([domain, ...exact])]
          const list = allowListOf(names.map((item) => entry(item)))
          const against = parseList(await renderFormat(list, {format}), `list.${format}`, format)
          const result = checkAgainstList([allowListOf([entry(name)])], against, ['x'])
          expect(result.blocked.map((item) => item.name)).toEqual([name])
        },
      ),
      RUNS,
    )
  })
})
