import {runCommand} from '@oclif/test'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {runCli} from '../support/cli.js'
import {useTempDir} from '../support/temp-dir.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))

describe('allowlist diff', () => {
  const files = useTempDir('allowlist-diff-', {per: 'file'})
  afterEach(() => {
    process.exitCode = undefined
  })

  it('should return the documented --json shape', async () => {
    const old = await files.write('old.txt', '.example.com\nold.example.org\n')
    const next = await files.write('new.txt', '.example.com\nfoo.github.io\n')
    const {result} = await runCommand(['diff', old, next, '--json'])
    expect(result).toEqual({
      schema: 'allowlist-diff/1',
      old: {inputs: [old], entries: 2},
      new: {inputs: [next], entries: 2},
      same: false,
      counts: {added: 1, removed: 1, unchanged: 1},
      groups: [
        {
          domain: 'example.org',
          added: [],
          removed: [
            {
              entry: 'old.example.org',
              name: 'old.example.org',
              includesSubdomains: false,
              sources: [],
            },
          ],
        },
        {
          domain: 'foo.github.io',
          added: [
            {entry: 'foo.github.io', name: 'foo.github.io', includesSubdomains: false, sources: []},
          ],
          removed: [],
        },
      ],
    })
  })

  it('should compare lists of different syntaxes by what they allow', async () => {
    const plain = await files.write('same.txt', '.example.com\nregistry.npmjs.org\n')
    const squid = await files.write(
      'same.squid.conf',
      'acl allowlist dstdomain .example.com registry.npmjs.org\nhttp_access allow allowlist\n',
    )
    const {stdout} = await runCommand(['diff', plain, squid])
    expect(stdout).toBe('No change: both lists have the same 2 entries\n')
  })

  it('should exit 0 when the lists are the same and 1 when they differ, like diff', async () => {
    const a = await files.write('a.txt', 'example.com\n')
    const b = await files.write('b.txt', '.example.com\n')
    expect(runCli(['diff', a, a]).status).toBe(0)
    const differs = runCli(['diff', a, b, '--markdown'])
    expect(differs.status).toBe(1)
    expect(differs.stdout).toContain('| `example.com` | added | `.example.com` |  |')
  })

  it('should compare a log with the list compiled from it and find no change', async () => {
    const log = join(FIXTURES, 'pip-install/dns.log')
    const list = join(files.path, 'pip.txt')
    expect(runCli(['compile', log, '-o', list]).status).toBe(0)
    expect(runCli(['diff', list, log])).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(
        /^No change: both lists have the same \d+ entries\n$/,
      ) as string,
    })
    const exact = runCli(['diff', list, log, '--collapse', 'exact', '--json'])
    expect(exact.status).toBe(1)
    expect(JSON.parse(exact.stdout).groups).toContainEqual({
      domain: 'python.org',
      added: [
        {
          entry: 'pypi.python.org',
          name: 'pypi.python.org',
          includesSubdomains: false,
          sources: ['pypi.python.org'],
        },
        {
          entry: 'test.pypi.python.org',
          name: 'test.pypi.python.org',
          includesSubdomains: false,
          sources: ['test.pypi.python.org'],
        },
      ],
      removed: [{entry: '.python.org', name: 'python.org', includesSubdomains: true, sources: []}],
    })
  })

  it('should exit 3 naming the file and line of an unreadable list', async () => {
    const bad = await files.write('bad.txt', 'ok.example.com\nnot a name\n')
    const result = runCli(['diff', bad, bad])
    expect(result.status).toBe(3)
    expect(result.stderr).toContain(`${bad}:2: Unexpected \`not a name\`, expected a hostname`)
  })
})
