/**
 * The list fixtures are real: each passes its consumer's own checker, and the PAC file, run by
 * pactester, allows exactly what the parser says it allows.
 */
import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createMatcher, parseList} from '../../src/lists/index.js'
import {requireProgram} from '../support/programs.js'
import {LIST_FIXTURES, PROBES} from './probes.js'

function run(
  program: string,
  debianPackage: string,
  args: string[],
): {status: number; output: string} {
  const result = spawnSync(requireProgram(program, debianPackage), args, {encoding: 'utf8'})
  return {status: result.status ?? -1, output: `${result.stdout}${result.stderr}`}
}

describe('list fixtures against their consumers', () => {
  let directory: string
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-lists-'))
  })
  afterAll(async () => rm(directory, {recursive: true, force: true}))

  it('should be accepted by squid -k parse', async () => {
    const conf = join(directory, 'squid.conf')
    const acl = await readFile(join(LIST_FIXTURES, 'squid.conf'), 'utf8')
    await writeFile(conf, `http_port 127.0.0.1:3128\ncache deny all\n${acl}`)
    const result = run('squid', 'squid', ['-k', 'parse', '-f', conf])
    expect(result.output).not.toMatch(/FATAL|ERROR/)
    expect(result.status).toBe(0)
  })

  it('should be accepted by dnsmasq --test', () => {
    expect(
      run('dnsmasq', 'dnsmasq-base', ['--test', '-C', join(LIST_FIXTURES, 'dnsmasq.conf')]),
    ).toEqual({
      status: 0,
      output: expect.stringContaining('syntax check OK') as string,
    })
  })

  it('should be accepted by unbound-checkconf', () => {
    expect(run('unbound-checkconf', 'unbound', [join(LIST_FIXTURES, 'unbound.conf')]).status).toBe(
      0,
    )
  })

  it('should be accepted by named-checkzone', () => {
    const result = run('named-checkzone', 'bind9-utils', [
      'allowlist.rpz',
      join(LIST_FIXTURES, 'allowlist.rpz'),
    ])
    expect(result.output).toContain('loaded serial 1')
    expect(result.status).toBe(0)
  })

  it('should allow with pactester exactly the names the parsed PAC allows', async () => {
    const path = join(LIST_FIXTURES, 'allowlist.pac')
    const matcher = createMatcher(parseList(await readFile(path, 'utf8'), path))
    for (const name of PROBES) {
      const result = run('pactester', 'libpacparser1', ['-p', path, '-u', `http://${name}/`])
      expect({name, result: result.output.trim()}).toEqual({
        name,
        result: matcher.decide(name).allowed ? 'DIRECT' : 'PROXY 127.0.0.1:9',
      })
    }
  })
})
