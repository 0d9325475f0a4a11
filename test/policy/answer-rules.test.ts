import {describe, expect, it} from 'vitest'
import localAnswer from '../../src/policy/local-answer.js'
import negativeOnly from '../../src/policy/negative-only.js'
import specialUseSuffix from '../../src/policy/special-use-suffix.js'
import upstreamFailure from '../../src/policy/upstream-failure.js'
import {buildGraph} from '../support/graph.js'
import {runRule} from '../support/policy.js'

describe('allowlist:local-answer', () => {
  it('should drop names answered by config, a hosts file or a DHCP lease', () => {
    const tree = buildGraph(
      {name: '_gateway.lxd', type: 'AAAA', outcome: 'config'},
      {name: 'buildcache', outcome: 'hosts'},
      {name: 'builder.lxd', outcome: 'dhcp'},
      {name: 'registry.npmjs.org'},
    )
    const {decisions, messages} = runRule(localAnswer, undefined, tree)
    expect(messages).toEqual([
      '1:1: Unexpected local answer (`config`) for `_gateway.lxd`, expected a name the upstream resolves',
      '2:1: Unexpected local answer (`hosts file`) for `buildcache`, expected a name the upstream resolves',
      '3:1: Unexpected local answer (`DHCP lease`) for `builder.lxd`, expected a name the upstream resolves',
    ])
    expect(Object.keys(decisions).sort()).toEqual(['_gateway.lxd', 'buildcache', 'builder.lxd'])
  })
})

describe('allowlist:special-use-suffix', () => {
  it('should drop special-use suffixes and configured ones', () => {
    const tree = buildGraph(
      {name: 'devbox.lan'},
      {name: 'nas.local'},
      {name: 'printer.home.arpa'},
      {name: 'proxy.corp.internal'},
      {name: 'ftp.debian.org.lxd'},
      {name: 'git.corp.example.net'},
      {name: 'corp.example.net.evil.com'},
    )
    const {decisions, messages} = runRule(
      specialUseSuffix,
      {dropSuffixes: ['.corp.example.net']},
      tree,
    )
    expect(messages).toEqual([
      '1:1: Unexpected name `devbox.lan` under special-use suffix `lan`, expected a public name',
      '2:1: Unexpected name `nas.local` under special-use suffix `local`, expected a public name',
      '3:1: Unexpected name `printer.home.arpa` under special-use suffix `home.arpa`, expected a public name',
      '4:1: Unexpected name `proxy.corp.internal` under special-use suffix `internal`, expected a public name',
      '5:1: Unexpected name `ftp.debian.org.lxd` under special-use suffix `lxd`, expected a public name',
      '6:1: Unexpected name `git.corp.example.net` under configured suffix `corp.example.net`, expected a public name',
    ])
    expect(decisions['corp.example.net.evil.com']).toBeUndefined()
  })
})

describe('allowlist:negative-only', () => {
  it('should drop names with only NXDOMAIN or NODATA answers', () => {
    const tree = buildGraph(
      {name: 'nonexistent-pkg.yarnpkg.com', outcome: 'nxdomain', more: [['AAAA', 'nxdomain']]},
      {name: 'v4only.example.com', more: [['AAAA', 'nodata']]},
      {name: 'nothing.example.com', outcome: 'nodata', more: [['AAAA', 'nxdomain']]},
      {name: 'mx.example.com', outcome: 'nodata', more: [['MX', 'address']]},
    )
    const {decisions, messages} = runRule(negativeOnly, undefined, tree)
    expect(messages).toEqual([
      '1:1: Unexpected name `nonexistent-pkg.yarnpkg.com` with only negative answers (`NXDOMAIN`), expected a positive answer',
      '3:1: Unexpected name `nothing.example.com` with only negative answers (`NXDOMAIN` and `NODATA`), expected a positive answer',
      '4:1: Unexpected name `mx.example.com` with only negative answers (`NODATA`), expected a positive answer',
    ])
    expect(Object.keys(decisions).sort()).toEqual([
      'mx.example.com',
      'nonexistent-pkg.yarnpkg.com',
      'nothing.example.com',
    ])
  })

  it('should count a CNAME as positive when its chain ends in an address', () => {
    const tree = buildGraph(
      {name: 'packages.microsoft.com', cnameTo: ['packages.microsoft.com.edgekey.net']},
      {
        name: 'packages.microsoft.com.edgekey.net',
        queries: 0,
        cnameTo: ['e121.dscb.akamaiedge.net'],
      },
      {name: 'e121.dscb.akamaiedge.net', queries: 0},
      {name: 'dead.example.com', cnameTo: ['gone.example.net']},
      {name: 'gone.example.net', queries: 0, outcome: 'nodata'},
    )
    const {decisions, messages} = runRule(negativeOnly, undefined, tree)
    expect(messages).toEqual([
      '4:1: Unexpected name `dead.example.com` with only negative answers (`NODATA`), expected a positive answer',
      '5:1: Unexpected name `gone.example.net` with only negative answers (`NODATA`), expected a positive answer',
    ])
    expect(Object.keys(decisions).sort()).toEqual(['dead.example.com', 'gone.example.net'])
  })
})

describe('allowlist:upstream-failure', () => {
  const graph = () =>
    buildGraph(
      {name: 'x.refuses.example.net', outcome: 'refused'},
      {name: 'silent.example.org', outcome: 'unanswered'},
      {name: 'fine.example.org'},
    )

  it('should keep names that met only an upstream failure, with a warning', () => {
    const {decisions, messages, file} = runRule(upstreamFailure, undefined, graph())
    expect(messages).toEqual([
      '1:1: Unexpected upstream failure (`REFUSED`) for `x.refuses.example.net`, expected an answer; kept, the job may need it once the upstream works',
      '2:1: Unexpected upstream failure (`no reply`) for `silent.example.org`, expected an answer; kept, the job may need it once the upstream works',
    ])
    expect(file.messages.every((message) => message.fatal === false)).toBe(true)
    expect(Object.values(decisions).map((decision) => decision.kept)).toEqual([true, true])
  })

  it('should drop them with `upstreamFailures: drop`', () => {
    const {decisions, messages} = runRule(upstreamFailure, {upstreamFailures: 'drop'}, graph())
    expect(messages[0]).toBe(
      '1:1: Unexpected upstream failure (`REFUSED`) for `x.refuses.example.net`, expected an answer; dropped (`upstreamFailures: drop`)',
    )
    expect(Object.values(decisions).map((decision) => decision.kept)).toEqual([false, false])
  })
})
