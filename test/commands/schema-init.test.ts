import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {runCommand} from '@oclif/test'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {STARTER_CONFIG} from '../../src/config/starter.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = join(root, 'bin/run.js')

describe('allowlist schema', () => {
  it('should print the shipped JSON Schema', async () => {
    const {stdout, error} = await runCommand(['schema'], {root})
    expect(error).toBeUndefined()
    expect(stdout).toBe(await readFile(join(root, 'schema/allowlist.config.schema.json'), 'utf8'))
  })

  it('should return the schema under --json', async () => {
    const {result} = await runCommand<{properties: Record<string, unknown>}>(['schema', '--json'], {
      root,
    })
    expect(Object.keys(result?.properties ?? {})).toContain('collapse')
  })
})

describe('allowlist init', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-init-'))
  })
  afterEach(async () => {
    await rm(directory, {recursive: true, force: true})
  })

  it('should write the starter config and refuse to overwrite it without --force', async () => {
    const first = spawnSync('node', [bin, 'init'], {cwd: directory, encoding: 'utf8'})
    expect(first.status).toBe(0)
    expect(first.stdout).toBe(`Wrote ${join(directory, 'allowlist.config.yaml')}\n`)
    expect(await readFile(join(directory, 'allowlist.config.yaml'), 'utf8')).toBe(STARTER_CONFIG)

    const second = spawnSync('node', [bin, 'init'], {cwd: directory, encoding: 'utf8'})
    expect(second.status).toBe(5)
    expect(second.stderr).toContain('Unexpected existing `allowlist.config.yaml`')

    const forced = spawnSync('node', [bin, 'init', '--force'], {cwd: directory, encoding: 'utf8'})
    expect(forced.status).toBe(0)
  })
})
