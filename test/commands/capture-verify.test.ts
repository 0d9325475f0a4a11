import {runCommand} from '@oclif/test'
import {describe, expect, it} from 'vitest'

/** Mistakes caught before LXD is contacted: they must not need a daemon. */
describe('allowlist capture and verify: usage errors', () => {
  it.each([
    [
      ['capture', '--', 'true'],
      'Unexpected capture without an output, expected `-o FILE`, `--out-dir DIR` or `--log-dir DIR`',
    ],
    [
      ['capture', '-f', 'squid', '--', 'true'],
      'Unexpected `--format` without `--out-dir`, expected both (stdout carries the command)',
    ],
    [['capture', '-o', 'g.json'], 'Unexpected empty command, expected `-- CMD [ARGS...]`'],
    [
      ['capture', '-o', 'g.json', '--env', 'NOVALUE', '--', 'true'],
      'Unexpected `--env NOVALUE`, expected `KEY=VALUE`',
    ],
    [
      ['capture', '-o', 'g.json', '--push', 'job.sh:relative', '--', 'true'],
      'Unexpected `--push job.sh:relative`, expected `LOCAL:/absolute/remote/path`',
    ],
    [['verify', '--list', 'allow.txt'], 'Unexpected empty command, expected `-- CMD [ARGS...]`'],
  ])('should reject %j with exit 2', async (argv, message) => {
    const {error} = await runCommand(argv)
    expect(error?.message).toBe(message)
    expect(error?.oclif?.exit).toBe(2)
  })

  it('should require --list for verify', async () => {
    const {error} = await runCommand(['verify', '--', 'true'])
    expect(error?.message).toContain('Missing required flag list')
    expect(error?.oclif?.exit).toBe(2)
  })

  it('should reject --runs 0', async () => {
    const {error} = await runCommand(['capture', '-o', 'g.json', '--runs', '0', '--', 'true'])
    expect(error?.message).toContain('Expected an integer greater than or equal to 1')
    expect(error?.oclif?.exit).toBe(2)
  })
})
