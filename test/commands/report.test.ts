import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import {HtmlValidate} from 'html-validate'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

const LOG = 'fixtures/npm-install/dns.log'

function run(...args: string[]) {
  return spawnSync('node', ['bin/run.js', ...args], {encoding: 'utf8'})
}

describe('allowlist report', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-report-command-'))
  })
  afterEach(async () => {
    await rm(directory, {recursive: true, force: true})
  })

  it('should write the HTML report with -o and return its counts under --json', async () => {
    const output = join(directory, 'report.html')
    const {stdout, result, error} = await runCommand(['report', LOG, '-o', output, '--json'])
    expect(error).toBeUndefined()
    expect(JSON.parse(stdout)).toEqual(result)
    expect(result).toEqual({
      format: 'html',
      output,
      counts: {
        observed: 20,
        kept: 8,
        dropped: 12,
        undecided: 0,
        entries: 7,
        domains: 7,
        clients: 1,
        cnameLinks: 2,
      },
    })
    const html = await readFile(output, 'utf8')
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true)
    expect(html).toContain('<code class="entry-name">.npmjs.org</code>')
    expect(html).toContain('<code>less&lt;than&gt;.bad-host.net</code>')
    expect(html).toContain('<span class="rule">negative-only</span>')
  })

  it('should write byte-identical reports for the same input unless --timestamp is given', async () => {
    const first = join(directory, 'first.html')
    const second = join(directory, 'second.html')
    const stamped = join(directory, 'stamped.html')
    expect(run('report', LOG, '-o', first).status).toBe(0)
    expect(run('report', LOG, '-o', second).status).toBe(0)
    expect(run('report', LOG, '-o', stamped, '--timestamp').status).toBe(0)
    expect(await readFile(second, 'utf8')).toBe(await readFile(first, 'utf8'))
    expect(await readFile(stamped, 'utf8')).toMatch(/<li>generated: \d{4}-\d\d-\d\dT/)
  })

  it('should say what it wrote on stderr and keep stdout free', () => {
    const child = run('report', LOG, '-o', join(directory, 'report.html'))
    expect(child.status).toBe(0)
    expect(child.stdout).toBe('')
    expect(child.stderr).toContain(
      'report.html: 7 entries, 8 names kept, 12 dropped, 2 CNAME links',
    )
  })

  it('should print the CNAME graph alone as DOT or Mermaid', () => {
    const dot = run('report', LOG, 'fixtures/apt-extra/dns.log', '--format', 'dot')
    expect(dot.status).toBe(0)
    expect(dot.stdout).toContain('digraph cname {')
    expect(dot.stdout).toContain('[label="packages.microsoft.com.edgekey.net", color="#cf222e"')
    const mermaid = run('report', LOG, '-f', 'mermaid')
    expect(mermaid.stdout.split('\n')).toContain('  n1["jsdelivr.map.fastly.net"]:::dropped')
  })

  it('should keep a log full of hostile and broken names to valid, escaped HTML', async () => {
    const output = join(directory, 'hostile.html')
    const child = run('report', 'fixtures/hostile-garbage/dns.log', '-o', output)
    expect(child.status).toBe(0)
    const html = await readFile(output, 'utf8')
    expect(html).toContain('<code>&quot;quoted&quot;.example.net</code>')
    expect(html).toContain('<code>semi;colon.example.net</code>')
    expect(html).not.toContain('"quoted".example.net')
    // eslint-disable-next-line no-control-regex -- HTML forbids these; none may reach the page
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
    const report = await new HtmlValidate({extends: ['html-validate:recommended']}).validateString(
      html,
    )
    expect(report.results.flatMap((result) => result.messages.map((m) => m.message))).toEqual([])
  })

  it('should read a log from stdin given as -', async () => {
    const child = spawnSync('node', ['bin/run.js', 'report', '-', '--format', 'dot'], {
      encoding: 'utf8',
      input: await readFile(LOG, 'utf8'),
    })
    expect(child.status).toBe(0)
    expect(child.stdout).toContain('// inputs: -\n')
    expect(child.stdout).toContain('[label="cdn.jsdelivr.net", color="#1a7f37"')
  })

  it.each([
    [['missing.log'], 3, 'Cannot read `missing.log`'],
    [[LOG, '--format', 'pdf'], 2, 'Expected --format=pdf to be one of: html, dot, mermaid'],
    [[LOG, '-o', '/nonexistent/dir/report.html'], 5, 'Cannot write `/nonexistent/dir/report.html`'],
    [[LOG, '--collapse', 'wide'], 2, 'Expected --collapse=wide to be one of'],
  ])('should fail on %j with exit code %i', (args, exit, message) => {
    const child = run('report', ...args)
    expect(child.status).toBe(exit)
    expect(child.stderr).toContain(message)
  })

  it('should document itself in --help with examples', () => {
    const help = run('report', '--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toContain(
      'Write an HTML report of observed names, policy decisions and CNAME chains.',
    )
    expect(help.stdout).toContain('$ allowlist report dns.log -o report.html')
    expect(help.stdout).toContain('-f, --format=<option>')
    // Only the codes report can end with: it never runs LXD, so no 1, 6 or 130.
    expect(help.stdout).toContain(
      [
        '  Exit codes:',
        '  0  success',
        '  2  bad flags or arguments',
        '  3  an input cannot be read or parsed',
        '  4  invalid configuration',
        '  5  an output cannot be written',
        '',
      ].join('\n'),
    )
  })

  it('should complete its flags and format values in bash and zsh', async () => {
    const env = {
      ...process.env,
      XDG_CACHE_HOME: join(directory, 'cache'),
      XDG_DATA_HOME: join(directory, 'data'),
      XDG_CONFIG_HOME: join(directory, 'config'),
    }
    const refresh = spawnSync('node', ['bin/run.js', 'autocomplete', '--refresh-cache'], {
      encoding: 'utf8',
      env,
    })
    expect(refresh.status).toBe(0)
    const functions = join(directory, 'cache', 'allowlist', 'autocomplete', 'functions')
    const bash = await readFile(join(functions, 'bash', 'allowlist.bash'), 'utf8')
    expect(bash.split('\n')).toContain(
      'report --json --collapse --config --format --output --timestamp',
    )
    const zsh = await readFile(join(functions, 'zsh', '_allowlist'), 'utf8')
    expect(zsh).toContain(':format options:(html dot mermaid)')
  })
})
