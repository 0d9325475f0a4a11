/**
 * One graph after policy and its allow-list, shaped like the npm-install sample log: kept names
 * collapsed into entries, CNAME chains, an NXDOMAIN name, a local name and hostile names that a
 * report must show as text. Shared by the report unit tests and the browser test.
 */
import type {AllowList} from '../../src/graph/entry.js'
import type {Decision, Root} from '../../src/graph/types.js'
import {allowListOf, entry} from './allow-list.js'
import {decide, dropped, kept} from './decisions.js'
import {buildGraph, type NameSpec} from './graph.js'

/** A name that would run script if the report put it into the page as markup. */
export const SCRIPT_NAME = 'x<script>window.pwned=1</script>.bad-host.net'
export const ANGLE_NAME = 'less<than>.bad-host.net'
export const AMPERSAND_NAME = 'amp&er.bad-host.net'
export const IMAGE_NAME = '"><img src=x onerror=window.pwned=2>.bad-host.net'

const CLIENT = '10.148.12.32'

/** Each observed name with the decision policy recorded on it. */
const NAMES: Array<[NameSpec, Decision]> = [
  [
    {
      name: 'registry.npmjs.org',
      queries: 3,
      more: [
        ['AAAA', 'address'],
        ['AAAA', 'address'],
      ],
      v4: ['104.16.3.35'],
      clients: ['10.148.12.20', CLIENT],
      line: 12,
    },
    kept('registry.npmjs.org', 'collapse', 'Kept exact name `registry.npmjs.org`'),
  ],
  [
    {
      name: 'cdn.jsdelivr.net',
      cnameTo: ['jsdelivr.map.fastly.net'],
      more: [['AAAA', 'cname']],
      line: 30,
    },
    kept('jsdelivr.net', 'collapse', 'Collapsed to `jsdelivr.net`'),
  ],
  [
    {name: 'jsdelivr.map.fastly.net', v4: ['151.101.1.229'], line: 31},
    dropped('cname-target', 'CNAME target of `cdn.jsdelivr.net`, not emitted'),
  ],
  [
    {name: 'www.unpkg.com', cnameTo: ['unpkg.com'], line: 40},
    kept('unpkg.com', 'collapse', 'Collapsed to `unpkg.com`'),
  ],
  [
    {name: 'unpkg.com', queries: 2, more: [['AAAA', 'nodata']], line: 41},
    kept('unpkg.com', 'collapse', 'Collapsed to `unpkg.com`'),
  ],
  [
    {name: 'user.gitlab.io', line: 50},
    kept('user.gitlab.io', 'collapse', 'Kept `user.gitlab.io` (private suffix)'),
  ],
  [
    {name: 'nonexistent-pkg.yarnpkg.com', outcome: 'nxdomain', line: 60},
    dropped('nxdomain-only', 'Unexpected NXDOMAIN-only name, expected a positive answer'),
  ],
  [
    {name: 'ftp.debian.org.lxd', outcome: 'config', line: 70},
    dropped('local-suffix', 'Unexpected local suffix `.lxd`'),
  ],
  [{name: ANGLE_NAME, line: 80}, dropped('invalid-hostname', 'Unexpected `<` in name')],
  [{name: AMPERSAND_NAME, line: 81}, dropped('invalid-hostname', 'Unexpected `&` in name')],
  [{name: SCRIPT_NAME, line: 82}, dropped('invalid-hostname', 'Unexpected `<` in name')],
  [{name: IMAGE_NAME, line: 83}, dropped('invalid-hostname', 'Unexpected `"` in name')],
]

export function reportSample(): {tree: Root; allowList: AllowList} {
  const tree = buildGraph(...NAMES.map(([spec]) => ({clients: [CLIENT], ...spec})))
  for (const [spec, decision] of NAMES) decide(tree, spec.name, decision)
  tree.data = {
    sources: [{file: 'dns.log', shape: 'plain', gzip: false, lines: 112, queries: 40, unparsed: 0}],
  }
  const allowList = allowListOf([
    entry('registry.npmjs.org', {queries: 5, clients: ['10.148.12.20', CLIENT]}),
    entry('jsdelivr.net', {includesSubdomains: true, sources: ['cdn.jsdelivr.net'], queries: 2}),
    entry('unpkg.com', {
      includesSubdomains: true,
      sources: ['unpkg.com', 'www.unpkg.com'],
      queries: 4,
    }),
    entry('user.gitlab.io', {includesSubdomains: true}),
  ])
  allowList.meta.counts = {observed: 12, kept: 5, dropped: 7, entries: 4}
  return {tree, allowList}
}

/**
 * A graph whose one CNAME chain runs from `start.example.com` through every name in `middle`
 * to `end.example.net`, nothing decided.
 *
 * @returns The graph and every name on the chain, in order.
 */
export function cnameChain(middle: readonly string[]): {tree: Root; names: string[]} {
  const names = ['start.example.com', ...middle, 'end.example.net']
  const specs = names.map((name, index): NameSpec => {
    const next = names[index + 1]
    return next === undefined ? {name} : {name, cnameTo: [next]}
  })
  return {tree: buildGraph(...specs), names}
}
