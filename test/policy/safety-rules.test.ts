import {describe, expect, it} from 'vitest'
import invalidHostname from '../../src/policy/invalid-hostname.js'
import ipLiteral from '../../src/policy/ip-literal.js'
import publicSuffix from '../../src/policy/public-suffix.js'
import {buildGraph} from '../support/graph.js'
import {runRule} from '../support/policy.js'

describe('allowlist:ip-literal', () => {
  it('should drop IPv4 and IPv6 literals and leave names alone', () => {
    const tree = buildGraph(
      {name: '203.0.113.9', line: 89},
      {name: '2001:db8::1', line: 90},
      {name: 'example.com', line: 91},
    )
    const {decisions, messages} = runRule(ipLiteral, undefined, tree)
    expect(messages).toEqual([
      '89:1: Unexpected IP literal `203.0.113.9`, expected a hostname',
      '90:1: Unexpected IP literal `2001:db8::1`, expected a hostname',
    ])
    expect(decisions).toEqual({
      '203.0.113.9': {
        kept: false,
        ruleId: 'ip-literal',
        reason: 'Unexpected IP literal `203.0.113.9`, expected a hostname',
      },
      '2001:db8::1': {
        kept: false,
        ruleId: 'ip-literal',
        reason: 'Unexpected IP literal `2001:db8::1`, expected a hostname',
      },
    })
  })
})

describe('allowlist:invalid-hostname', () => {
  it('should drop hostile and malformed names with one warning each', () => {
    const long = 'a'.repeat(64)
    const tree = buildGraph(
      {name: 'pipe|name.bad-host.net'},
      {name: '<name unprintable>'},
      {name: `${long}.example.com`},
      {name: `${'abcdefghi.'.repeat(25)}example.com`},
      {name: '-edge.example.com'},
      {name: 'a..b.example.com'},
      {name: 'bad.under_score'},
      {name: '_http._tcp.example.com'},
      {name: 'xn--bcher-kva.example'},
    )
    const {decisions, messages} = runRule(invalidHostname, undefined, tree)
    expect(messages).toEqual([
      '1:1: Unexpected character `|` in `pipe|name.bad-host.net`, expected letters, digits, `-`, `_` or `.`',
      '2:1: Unexpected unprintable name `<name unprintable>`, expected a hostname',
      '3:1: Unexpected label of 64 characters in `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…`, expected at most 63',
      '4:1: Unexpected name of 261 characters `abcdefghi.abcdefghi.abcdefghi.abcdefghi.…`, expected at most 253',
      '5:1: Unexpected `-` at the edge of label `-edge` in `-edge.example.com`, expected a letter or digit there',
      '6:1: Unexpected empty label in `a..b.example.com`, expected labels of 1 to 63 characters',
      '7:1: Unexpected `_` in the last label of `bad.under_score`, expected letters, digits or `-`',
    ])
    expect(Object.keys(decisions).sort()).toEqual(
      [
        'pipe|name.bad-host.net',
        '<name unprintable>',
        `${long}.example.com`,
        `${'abcdefghi.'.repeat(25)}example.com`,
        '-edge.example.com',
        'a..b.example.com',
        'bad.under_score',
      ].sort(),
    )
    expect(Object.values(decisions).every((decision) => !decision.kept)).toBe(true)
  })

  it('should warn once per raw spelling of an invalid name', () => {
    const tree = buildGraph({name: 'a b.example.com', raw: ['a b.example.com', 'A B.example.com']})
    const {decisions, messages} = runRule(invalidHostname, undefined, tree)
    expect(messages).toEqual([
      '1:1: Unexpected character ` ` in `a b.example.com`, expected letters, digits, `-`, `_` or `.`',
      '1:1: Unexpected character ` ` in `A B.example.com`, expected letters, digits, `-`, `_` or `.`',
    ])
    expect(decisions['a b.example.com']?.kept).toBe(false)
  })

  it('should escape control characters in messages', () => {
    const tree = buildGraph({name: 'bell\u0007.example.com'})
    expect(runRule(invalidHostname, undefined, tree).messages).toEqual([
      '1:1: Unexpected character `\\u0007` in `bell\\u0007.example.com`, expected letters, digits, `-`, `_` or `.`',
    ])
  })
})

describe('allowlist:public-suffix', () => {
  it('should drop bare public suffixes, ICANN and private, and single labels', () => {
    const tree = buildGraph(
      {name: 'co.uk'},
      {name: 'github.io'},
      {name: 'foo.ck'},
      {name: 'intranet'},
      {name: 'www.ck'},
      {name: 'user.github.io'},
    )
    const {decisions, messages} = runRule(publicSuffix, undefined, tree)
    expect(messages).toEqual([
      '1:1: Unexpected public suffix `co.uk`, expected a registrable domain or a name under one',
      '2:1: Unexpected public suffix `github.io`, expected a registrable domain or a name under one',
      '3:1: Unexpected public suffix `foo.ck`, expected a registrable domain or a name under one',
      '4:1: Unexpected public suffix `intranet`, expected a registrable domain or a name under one',
    ])
    expect(Object.keys(decisions).sort()).toEqual(['co.uk', 'foo.ck', 'github.io', 'intranet'])
  })
})
