import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {runCommand} from '@oclif/test'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {CompileCommandResult} from '../../src/commands/compile.js'
import type {Explanation} from '../../src/policy/explain.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = join(root, 'bin/run.js')
const npmLog = join(root, 'fixtures/npm-install/dns.log')

/** Run the CLI; stderr comes back with oclif's error wrapping (`\n ›   `) undone. */
function run(args: string[], cwd = root) {
  const result = spawnSync('node', [bin, ...args], {cwd, encoding: 'utf8'})
  return {...result, stderr: result.stderr.replace(/ *\n\s*›\s+/g, ' ')}
}

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'allowlist-compile-'))
})
afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

describe('allowlist compile', () => {
  it('should print the plain list on stdout and the warnings on stderr', () => {
    const result = run(['compile', 'fixtures/npm-install/dns.log'])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(
      [
        '.app.netlify.app',
        '.jsdelivr.net',
        '.nodejs.org',
        '.npmjs.org',
        '.unpkg.com',
        '.user.gitlab.io',
        '.yarnpkg.com',
        '',
      ].join('\n'),
    )
    expect(result.stderr).toContain('allowlist:invalid-hostname (4 warnings)\n')
    expect(result.stderr).toContain(
      '  fixtures/npm-install/dns.log:85:1  warning  Unexpected character `|` in `pipe|name.bad-host.net`',
    )
    expect(result.stderr).toContain('10 warnings, 10 infos')
  })

  it('should list each name alone with --collapse exact', async () => {
    const {stdout} = await runCommand(['compile', npmLog, '--collapse', 'exact'], {root})
    expect(stdout).toBe(
      [
        'app.netlify.app',
        'cdn.jsdelivr.net',
        'nodejs.org',
        'registry.npmjs.org',
        'registry.yarnpkg.com',
        'unpkg.com',
        'user.gitlab.io',
        'www.unpkg.com',
        '',
      ].join('\n'),
    )
  })

  it('should keep names under private-section suffixes exact with --collapse auto', async () => {
    const {stdout} = await runCommand(['compile', npmLog, '--collapse', 'auto'], {root})
    expect(stdout).toBe(
      [
        'app.netlify.app',
        '.jsdelivr.net',
        '.nodejs.org',
        '.npmjs.org',
        '.unpkg.com',
        'user.gitlab.io',
        '.yarnpkg.com',
        '',
      ].join('\n'),
    )
  })

  it('should merge several inputs', async () => {
    const {result} = await runCommand<CompileCommandResult>(
      ['compile', npmLog, join(root, 'fixtures/apt-extra/dns.log'), '--json'],
      {root},
    )
    expect(result?.entries.map((entry) => entry.name)).toEqual([
      'app.netlify.app',
      'debian.org',
      'hashicorp.com',
      'jsdelivr.net',
      'launchpadcontent.net',
      'microsoft.com',
      'nodejs.org',
      'npmjs.org',
      'unpkg.com',
      'user.gitlab.io',
      'yarnpkg.com',
    ])
  })

  it('should return entries, messages and meta with --json', async () => {
    const {result, stdout} = await runCommand<CompileCommandResult>(['compile', npmLog, '--json'], {
      root,
    })
    expect(JSON.parse(stdout)).toEqual(result)
    expect(result?.meta).toMatchObject({
      collapse: 'registrable',
      inputs: [npmLog],
      counts: {entries: 7},
    })
    expect(result?.entries.find((entry) => entry.name === 'jsdelivr.net')?.addresses).toEqual({
      v4: ['151.101.1.229'],
      v6: ['2a04:4e42::485'],
    })
    expect(result?.messages.filter((message) => message.severity === 'warning')).toHaveLength(10)
    expect(result?.messages[0]).toMatchObject({
      file: npmLog,
      source: 'allowlist',
      ruleId: 'collapse',
    })
  })

  it('should write to -o and to --out-dir, atomically', async () => {
    const file = join(directory, 'list.txt')
    expect(run(['compile', npmLog, '-o', file]).stdout).toBe('')
    expect(await readFile(file, 'utf8')).toBe(
      await readFile(join(root, 'fixtures/npm-install/expected.plain'), 'utf8'),
    )
    const outDir = join(directory, 'lists')
    const result = run(['compile', npmLog, '-f', 'plain', '-f', 'json', '--out-dir', outDir])
    expect(result.status).toBe(0)
    expect(await readFile(join(outDir, 'allowlist.txt'), 'utf8')).toBe(await readFile(file, 'utf8'))
    expect(JSON.parse(await readFile(join(outDir, 'allowlist.json'), 'utf8'))).toBeTypeOf('object')
  })

  it('should exit 1 under --strict when there are warnings, 0 when there are none', async () => {
    const strict = run(['compile', 'fixtures/npm-install/dns.log', '--strict'])
    expect(strict.status).toBe(1)
    expect(strict.stderr).toContain('10 warnings under --strict')
    const clean = join(directory, 'clean.log')
    await writeFile(
      clean,
      [
        'Dec  4 15:38:47 dnsmasq[1]: query[A] registry.npmjs.org from 10.0.0.2',
        'Dec  4 15:38:47 dnsmasq[1]: forwarded registry.npmjs.org to 127.0.0.2#5353',
        'Dec  4 15:38:47 dnsmasq[1]: reply registry.npmjs.org is 104.16.3.35',
        '',
      ].join('\n'),
    )
    const ok = run(['compile', clean, '--strict'])
    expect({status: ok.status, stdout: ok.stdout, stderr: ok.stderr}).toEqual({
      status: 0,
      stdout: '.npmjs.org\n',
      stderr: '0 warnings, 1 info (infos hidden; --verbose shows them)\n',
    })
  })

  it('should read the config in the working directory, or --config', async () => {
    await writeFile(
      join(directory, 'allowlist.config.json'),
      JSON.stringify({collapse: 'exact', exclude: ['.yarnpkg.com']}),
    )
    const found = run(['compile', npmLog], directory)
    expect(found.stdout).not.toContain('yarnpkg')
    expect(found.stdout).toContain('registry.npmjs.org\n')
    expect(found.stderr).toContain(
      'Unexpected name `registry.yarnpkg.com` matching `exclude` pattern `.yarnpkg.com`',
    )
    const given = run([
      'compile',
      npmLog,
      '--config',
      join(root, 'fixtures/config-auto/allowlist.config.json'),
    ])
    expect(given.stdout).toContain('user.gitlab.io\n')
    expect(given.stdout).toContain('.pkg.example.com\n')
  })

  it('should pass format options from the config and from flags, flags winning', async () => {
    await writeFile(
      join(directory, 'allowlist.config.json'),
      JSON.stringify({formats: {squid: {acl: 'from_config', httpAccess: true}}}),
    )
    const fromConfig = run(['compile', npmLog, '-f', 'squid'], directory)
    expect(fromConfig.stdout).toContain('acl from_config dstdomain .npmjs.org\n')
    expect(fromConfig.stdout).toContain('http_access allow from_config\n')
    const fromFlag = run(['compile', npmLog, '-f', 'squid', '--squid-acl', 'from_flag'], directory)
    expect(fromFlag.stdout).toContain('acl from_flag dstdomain .npmjs.org\n')
    expect(fromFlag.stdout).toContain('http_access allow from_flag\n')
  })

  it('should exit 4 naming the key of a broken config', async () => {
    await writeFile(join(directory, 'allowlist.config.json'), '{"collapse": "wide"}')
    const result = run(['compile', npmLog], directory)
    expect(result.status).toBe(4)
    expect(result.stderr).toContain(
      'Unexpected value `"wide"` for `collapse` in `allowlist.config.json`, expected `exact`, `registrable` or `auto`',
    )
  })

  it('should exit 2 for an unknown format or several formats on stdout, 3 for a missing input', () => {
    expect(run(['compile', npmLog, '-f', 'nope']).status).toBe(2)
    const several = run(['compile', npmLog, '-f', 'plain', '-f', 'json'])
    expect(several.status).toBe(2)
    expect(several.stderr).toContain('Unexpected 2 formats on stdout, expected one')
    expect(run(['compile', join(directory, 'missing.log')]).status).toBe(3)
  })
})

describe('allowlist explain', () => {
  it('should explain a kept, collapsed name', async () => {
    const {stdout} = await runCommand(['explain', 'registry.npmjs.org', npmLog], {root})
    expect(stdout).toContain('  queries    A×2 AAAA×2\n')
    expect(stdout).toContain(
      '  collapse            kept  Collapsed `registry.npmjs.org` into `.npmjs.org` (registrable domain)\n',
    )
    expect(stdout.endsWith('allowed by .npmjs.org\n')).toBe(true)
  })

  it('should explain a dropped NXDOMAIN name', async () => {
    const {result} = await runCommand<Explanation>(
      ['explain', 'nonexistent-pkg.yarnpkg.com', npmLog, '--json'],
      {root},
    )
    expect(result).toMatchObject({kept: false, allowed: true, entry: {name: 'yarnpkg.com'}})
    expect(result?.rules.find((step) => step.ruleId === 'negative-only')).toEqual({
      ruleId: 'negative-only',
      action: 'dropped',
      reason:
        'Unexpected name `nonexistent-pkg.yarnpkg.com` with only negative answers (`NXDOMAIN`), expected a positive answer',
    })
    expect(result?.rules.find((step) => step.ruleId === 'collapse')?.action).toBe('skipped')
    const {stdout} = await runCommand(['explain', 'nonexistent-pkg.yarnpkg.com', npmLog], {root})
    expect(
      stdout.endsWith(
        'dropped itself, but allowed anyway by .yarnpkg.com (kept for other names)\n',
      ),
    ).toBe(true)
  })

  it('should explain a hostile name with the line that carried it', async () => {
    const {stdout} = await runCommand(['explain', 'pipe|name.bad-host.net', npmLog], {root})
    expect(stdout).toContain(
      '  invalid-hostname    dropped  Unexpected character `|` in `pipe|name.bad-host.net`',
    )
    expect(stdout).toContain('  spellings  `pipe|name.bad-host.net`\n')
    expect(stdout).toContain('  first seen ' + npmLog + ':85\n')
    expect(stdout.endsWith('not on the allow-list\n')).toBe(true)
  })

  it('should key a Unicode name as ingest does', async () => {
    const {result} = await runCommand<Explanation>(
      ['explain', 'BÜCHER.example.', join(root, 'fixtures/hostile-garbage/dns.log'), '--json'],
      {root},
    )
    expect(result).toMatchObject({name: 'xn--bcher-kva.example', observed: true, allowed: false})
    expect(result?.rules.find((step) => step.action === 'dropped')?.ruleId).toBe(
      'special-use-suffix',
    )
  })

  it('should follow a two-step CNAME chain', async () => {
    const {result} = await runCommand<Explanation>(
      ['explain', 'packages.microsoft.com', join(root, 'fixtures/apt-extra/dns.log'), '--json'],
      {root},
    )
    expect(result?.cnameChain).toEqual([
      'packages.microsoft.com.edgekey.net',
      'e121.dscb.akamaiedge.net',
    ])
    expect(result?.entry?.addresses).toEqual({
      v4: ['23.55.161.40'],
      v6: ['2600:1406:3a00:28a::1c59'],
    })
  })
})
