/**
 * The list fixtures are real, and the parsers read them as their programs do: each fixture
 * passes its consumer's checker, and where the consumer can be run on loopback (dnsmasq,
 * Unbound, pactester), it allows exactly the probe names the parsed list allows.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createMatcher, parseList} from '../../src/lists/index.js'
import type {ParsedList} from '../../src/lists/types.js'
import {dig} from '../support/dig.js'
import {runProgram} from '../support/run-program.js'
import {squidParse} from '../support/squid.js'
import {startUnbound, unboundCheckconf} from '../support/unbound.js'
import {startLoopbackDnsmasq, startUpstreamDns, type UpstreamDns} from '../support/upstream-dns.js'
import {useTempDir} from '../support/temp-dir.js'
import {LIST_FIXTURES, PROBES} from './probes.js'

async function fixture(file: string): Promise<{path: string; text: string; list: ParsedList}> {
  const path = join(LIST_FIXTURES, file)
  const text = await readFile(path, 'utf8')
  return {path, text, list: parseList(text, path)}
}

/** Probe → allowed, as the parsed list decides. */
function parsedVerdicts(list: ParsedList): Record<string, boolean> {
  const matcher = createMatcher(list)
  return Object.fromEntries(PROBES.map((name) => [name, matcher.decide(name).allowed]))
}

describe('list fixtures against their consumers', () => {
  const files = useTempDir('allowlist-lists-', {per: 'file'})
  let upstream: UpstreamDns
  beforeAll(async () => {
    upstream = await startUpstreamDns({address: '127.0.3.1', catchAllV4: '127.0.3.200'})
  })
  afterAll(async () => upstream?.stop())

  it('should be accepted by squid -k parse', async () => {
    const {text} = await fixture('squid.conf')
    expect(await squidParse(files.path, text, 'acl', false)).toEqual({status: 0, problems: []})
  })

  it('should be accepted by named-checkzone', async () => {
    const {path} = await fixture('allowlist.rpz')
    const result = runProgram('named-checkzone', 'bind9-utils', ['allowlist.rpz', path])
    expect(result).toEqual({
      status: 0,
      output: expect.stringContaining('loaded serial 1') as string,
    })
  })

  it('should resolve with a served dnsmasq exactly the names the parsed dnsmasq list allows', async () => {
    const {text, list} = await fixture('dnsmasq.conf')
    const path = await files.write('dnsmasq.conf', text.replaceAll('127.0.0.53', upstream.server))
    expect(runProgram('dnsmasq', 'dnsmasq-base', ['--test', '-C', path]).status).toBe(0)
    const resolver = await startLoopbackDnsmasq('127.0.3.2', ['no-hosts', `conf-file=${path}`])
    try {
      const served = Object.fromEntries(
        PROBES.map((name) => [
          name,
          dig(resolver.address, resolver.port, name).status === 'NOERROR',
        ]),
      )
      expect(served).toEqual(parsedVerdicts(list))
    } finally {
      await resolver.stop()
    }
  })

  it('should resolve with a served Unbound exactly the names the parsed zones allow', async () => {
    const {text, list} = await fixture('unbound.conf')
    const path = await files.write('unbound-zones.conf', text)
    expect((await unboundCheckconf(files.path, path)).status).toBe(0)
    const server = await startUnbound(files.path, path, '127.0.3.3', upstream)
    try {
      const served = Object.fromEntries(
        PROBES.map((name) => [name, dig('127.0.3.3', server.port, name).status === 'NOERROR']),
      )
      expect(served).toEqual(parsedVerdicts(list))
    } finally {
      await server.stop()
    }
  })

  it('should allow with pactester exactly the names the parsed PAC allows', async () => {
    const {path, list} = await fixture('allowlist.pac')
    const verdicts = parsedVerdicts(list)
    for (const name of PROBES) {
      const result = runProgram('pactester', 'libpacparser1', ['-p', path, '-u', `http://${name}/`])
      expect({name, result: result.output.trim()}).toEqual({
        name,
        result: verdicts[name] ? 'DIRECT' : 'PROXY 127.0.0.1:9',
      })
    }
  })
})
