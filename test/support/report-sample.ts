/**
 * One graph after policy and its allow-list, shaped like the npm-install sample log: kept names
 * collapsed into entries, a CNAME chain, an NXDOMAIN name, a local name and hostile names that a
 * report must show as text. Shared by the report unit tests and the browser test.
 */
import type {AllowList} from '../../src/graph/entry.js'
import type {Root} from '../../src/graph/types.js'
import {allowListOf, entry} from './allow-list.js'
import {dropped, graphOf, kept, linkCname} from './graph.js'

/** A name that would run script if the report put it into the page as markup. */
export const SCRIPT_NAME = 'x<script>window.pwned=1</script>.bad-host.net'
export const ANGLE_NAME = 'less<than>.bad-host.net'
export const AMPERSAND_NAME = 'amp&er.bad-host.net'
export const IMAGE_NAME = '"><img src=x onerror=window.pwned=2>.bad-host.net'

export function reportSample(): {tree: Root; allowList: AllowList} {
  const tree = graphOf({
    'registry.npmjs.org': {
      queries: {A: 3, AAAA: 2},
      v4: ['104.16.3.35'],
      clients: ['10.148.12.20', '10.148.12.32'],
      line: 12,
      decision: kept('registry.npmjs.org', 'collapse', 'Kept exact name `registry.npmjs.org`'),
    },
    'cdn.jsdelivr.net': {
      queries: {A: 1, AAAA: 1},
      outcome: 'cname',
      line: 30,
      decision: kept('jsdelivr.net', 'collapse', 'Collapsed to `jsdelivr.net`'),
    },
    'jsdelivr.map.fastly.net': {
      queries: {A: 1},
      v4: ['151.101.1.229'],
      line: 31,
      decision: dropped('cname-target', 'CNAME target of `cdn.jsdelivr.net`, not emitted'),
    },
    'www.unpkg.com': {
      queries: {A: 1},
      outcome: 'cname',
      line: 40,
      decision: kept('unpkg.com', 'collapse', 'Collapsed to `unpkg.com`'),
    },
    'unpkg.com': {
      queries: {A: 2, AAAA: 1},
      outcomes: {A: {address: 2}, AAAA: {nodata: 1}},
      line: 41,
      decision: kept('unpkg.com', 'collapse', 'Collapsed to `unpkg.com`'),
    },
    'user.gitlab.io': {
      line: 50,
      decision: kept('user.gitlab.io', 'collapse', 'Kept `user.gitlab.io` (private suffix)'),
    },
    'nonexistent-pkg.yarnpkg.com': {
      outcome: 'nxdomain',
      line: 60,
      decision: dropped(
        'nxdomain-only',
        'Unexpected NXDOMAIN-only name, expected a positive answer',
      ),
    },
    'ftp.debian.org.lxd': {
      outcome: 'config',
      line: 70,
      decision: dropped('local-suffix', 'Unexpected local suffix `.lxd`'),
    },
    [ANGLE_NAME]: {line: 80, decision: dropped('invalid-hostname', 'Unexpected `<` in name')},
    [AMPERSAND_NAME]: {line: 81, decision: dropped('invalid-hostname', 'Unexpected `&` in name')},
    [SCRIPT_NAME]: {line: 82, decision: dropped('invalid-hostname', 'Unexpected `<` in name')},
    [IMAGE_NAME]: {line: 83, decision: dropped('invalid-hostname', 'Unexpected `"` in name')},
  })
  linkCname(tree, 'cdn.jsdelivr.net', 'jsdelivr.map.fastly.net')
  linkCname(tree, 'www.unpkg.com', 'unpkg.com')
  tree.data = {
    sources: [{file: 'dns.log', shape: 'plain', gzip: false, lines: 112, queries: 40, unparsed: 0}],
  }
  const allowList = allowListOf([
    entry('registry.npmjs.org', {queries: 5, clients: ['10.148.12.20', '10.148.12.32']}),
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
