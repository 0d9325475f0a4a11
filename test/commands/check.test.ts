import {runCommand} from '@oclif/test'
import {spawnSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {runCli} from '../support/cli.js'
import {useTempDir} from '../support/temp-dir.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))

describe('allowlist check', () => {
  const files = useTempDir('allowlist-check-', {per: 'file'})
  afterEach(() => {
    process.exitCode = undefined
  })

  it('should return the documented --json shape', async () => {
    const needs = await files.write('needs.txt', '.example.com\nunpkg.com\n')
    const against = await files.write('list.txt', '.example.com\nold.example.org\n')
    const {result} = await runCommand(['check', needs, '--against', against, '--json'])
    expect(result).toEqual({
      schema: 'allowlist-check/1',
      inputs: [needs],
      against: {file: against, syntax: 'plain', rules: 2},
      ok: false,
      counts: {checked: 2, allowed: 1, blocked: 1, unused: 1},
      blocked: [
        {
          name: 'unpkg.com',
          includesSubdomains: false,
          domain: 'unpkg.com',
          entry: 'unpkg.com',
          deniedBy: null,
        },
      ],
      unused: [{rule: 'old.example.org', line: 2}],
    })
  })

  it('should exit 0 when nothing is blocked, 1 when something is', async () => {
    const list = await files.write('ok.txt', '.example.com\nunpkg.com\n')
    const needs = await files.write('needs-ok.txt', 'a.example.com\nunpkg.com\n')
    const more = await files.write('needs-more.txt', 'a.example.com\nunpkg.com\nexample.net\n')
    const passing = runCli(['check', needs, '--against', list])
    expect(passing).toMatchObject({status: 0, stdout: `All 2 names pass ${list} (plain)\n`})
    const failing = runCli(['check', needs, more, '--against', list])
    expect(failing.status).toBe(1)
    expect(failing.stdout).toContain('1 name of 3 would be blocked')
    const json = runCli(['check', needs, more, '--against', list, '--json'])
    expect(json.status).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ok: false, counts: {blocked: 1}})
  })

  it('should write a job summary and escaped annotations under GitHub Actions', async () => {
    const list = await files.write('gha.txt', 'example.com\n')
    const needs = await files.write('gha-needs.txt', 'example.com\nwww.example.com\n')
    const summary = join(files.path, 'summary.md')
    const result = runCli(['check', needs, '--against', list], {
      env: {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary},
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(
      `::error file=${list},title=www.example.com would be blocked::www.example.com would be blocked by ${list}: no entry allows it (needed by entry www.example.com)\n`,
    )
    const markdown = await readFile(summary, 'utf8')
    expect(markdown).toContain('### ❌ allowlist check')
    expect(markdown).toContain('| `www.example.com` | `example.com` | no entry allows it |')
  })

  it('should print the Markdown summary with --markdown and write no summary file outside Actions', async () => {
    const list = await files.write('md.txt', '.example.com\n')
    const {stdout} = await runCommand(['check', list, '--against', list, '--markdown'])
    expect(stdout).toBe(`### ✅ allowlist check\n\nAll 1 name pass \`${list}\` (plain).\n`)
  })

  it('should check the names a log needs, through the policy, and read the log from stdin', async () => {
    const log = join(FIXTURES, 'npm-install/dns.log')
    const list = await files.write(
      'npm.txt',
      '.npmjs.org\n.yarnpkg.com\n.nodejs.org\n.jsdelivr.net\n.unpkg.com\nuser.gitlab.io\n',
    )
    const result = runCli(['check', '-', '--against', list, '--json'], {
      input: await readFile(log, 'utf8'),
    })
    expect(result.status).toBe(1)
    const report = JSON.parse(result.stdout) as {blocked: Array<{name: string; entry: string}>}
    // Policy keeps app.netlify.app exact (a private suffix) and drops junk, NXDOMAIN and local names.
    expect(report.blocked).toEqual([
      {
        name: 'app.netlify.app',
        includesSubdomains: false,
        domain: 'app.netlify.app',
        entry: '.app.netlify.app',
        deniedBy: null,
      },
    ])
  })

  it('should exit 2 when --against is a log, saying how to make a list of it', () => {
    const log = join(FIXTURES, 'npm-install/dns.log')
    const result = runCli(['check', log, '--against', log])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(
      `Unexpected dnsmasq log \`${log}\` after --against, expected a list file`,
    )
  })

  it('should read a log and the list each once from named pipes', async () => {
    const log = join(FIXTURES, 'npm-install/dns.log')
    const list =
      '.npmjs.org\n.yarnpkg.com\n.nodejs.org\n.jsdelivr.net\n.unpkg.com\nuser.gitlab.io\napp.netlify.app\n'
    const script = `allowlist() { "${process.execPath}" bin/run.js "$@"; }; allowlist check <(cat "$1") --against <(printf %s "$2") --json`
    const result = spawnSync('bash', ['-c', script, 'bash', log, list], {encoding: 'utf8'})
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ok: true, counts: {checked: 8, blocked: 0}})
  })

  it('should read --against in the syntax given by --list-format', async () => {
    const hosts = await files.write('hosts.list', '0.0.0.0 example.com\n')
    const needs = await files.write('hosts-needs.txt', 'example.com\n')
    const {result} = await runCommand([
      'check',
      needs,
      '-a',
      hosts,
      '--list-format',
      'hosts',
      '--json',
    ])
    expect(result).toMatchObject({ok: true, against: {syntax: 'hosts'}})
  })
})
