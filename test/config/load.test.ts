import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {loadConfig, validateConfig} from '../../src/config/load.js'
import {STARTER_CONFIG, STARTER_CONFIG_FILE} from '../../src/config/starter.js'
import {AllowlistError} from '../../src/errors.js'

let directory: string

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'allowlist-config-'))
})

afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

async function failure(promise: Promise<unknown>): Promise<AllowlistError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AllowlistError) return error
    throw error
  }
  throw new Error('expected a config error')
}

describe('loadConfig', () => {
  it('should return the defaults when no config exists', async () => {
    expect(await loadConfig({cwd: directory})).toEqual({config: {}, filepath: undefined})
  })

  it('should find allowlist.config.json, .allowlistrc.yaml and package.json#allowlist', async () => {
    await writeFile(join(directory, 'allowlist.config.json'), '{"collapse": "exact"}')
    expect((await loadConfig({cwd: directory})).config).toEqual({collapse: 'exact'})
    await rm(join(directory, 'allowlist.config.json'))
    await writeFile(join(directory, '.allowlistrc.yaml'), 'collapse: auto\nminRuns: 2\n')
    expect((await loadConfig({cwd: directory})).config).toEqual({collapse: 'auto', minRuns: 2})
    await rm(join(directory, '.allowlistrc.yaml'))
    await writeFile(
      join(directory, 'package.json'),
      JSON.stringify({name: 'x', allowlist: {exclude: ['*.tracker.net']}}),
    )
    expect(await loadConfig({cwd: directory})).toEqual({
      config: {exclude: ['*.tracker.net']},
      filepath: join(directory, 'package.json'),
    })
  })

  it('should load allowlist.config.mjs', async () => {
    await writeFile(
      join(directory, 'allowlist.config.mjs'),
      'export default {keep: ["a.example.com"]}\n',
    )
    expect((await loadConfig({cwd: directory})).config).toEqual({keep: ['a.example.com']})
  })

  it('should read --config PATH instead of searching', async () => {
    const path = join(directory, 'custom.yml')
    await writeFile(path, 'cnameTargets: include\n')
    expect((await loadConfig({cwd: tmpdir(), configPath: path})).config).toEqual({
      cnameTargets: 'include',
    })
  })

  it('should name the file and key of a wrong value', async () => {
    await writeFile(join(directory, 'allowlist.config.json'), '{"collapse": "wide"}')
    const error = await failure(loadConfig({cwd: directory}))
    expect(error.message).toBe(
      'Unexpected value `"wide"` for `collapse` in `allowlist.config.json`, expected `exact`, `registrable` or `auto`',
    )
    expect(error.exit).toBe('config')
  })

  it('should report a missing --config file', async () => {
    const error = await failure(loadConfig({configPath: join(directory, 'nope.json')}))
    expect(error.message).toMatch(/^Cannot read config `.*nope\.json`: ENOENT/)
    expect(error.exit).toBe('config')
  })

  it('should report unparsable YAML with the file', async () => {
    await writeFile(join(directory, '.allowlistrc.yml'), 'collapse: [\n')
    const error = await failure(loadConfig({cwd: directory}))
    expect(error.message).toMatch(
      /^Cannot read config `.allowlistrc.yml`: unexpected end of the stream/,
    )
  })
})

describe('validateConfig', () => {
  const messages = (input: unknown) => {
    try {
      validateConfig(input, 'allowlist.config.json')
    } catch (error) {
      return (error as Error).message.split('\n')
    }
    return []
  }

  it('should reject unknown keys, listing the known ones', () => {
    expect(messages({colapse: 'exact'})).toEqual([
      'Unexpected key `colapse` in `allowlist.config.json`, expected `$schema`, `collapse`, `queryTypes`, `include`, `exclude`, `keep`, `multiTenant`, `dropSuffixes`, `clients`, `cnameTargets`, `upstreamFailures`, `minRuns` or `formats`',
    ])
  })

  it('should name the key path of wrong types and bad patterns', () => {
    expect(
      messages({
        include: ['ok.example.com', 3],
        exclude: ['bad|name.example.com', 'a.*.example.com'],
        minRuns: 0,
        formats: {squid: 'yes'},
        upstreamFailures: 'retry',
      }),
    ).toEqual([
      'Unexpected value `3` for `include[1]` in `allowlist.config.json`, expected a string',
      'Unexpected character `|` in `bad|name.example.com`, expected letters, digits, `-`, `_` or `.` for `exclude[0]` in `allowlist.config.json`',
      'Unexpected `*` inside pattern `a.*.example.com`, expected it only as a leading `*.` or `**.` for `exclude[1]` in `allowlist.config.json`',
      'Unexpected value `"retry"` for `upstreamFailures` in `allowlist.config.json`, expected `keep` or `drop`',
      'Unexpected value `0` for `minRuns` in `allowlist.config.json`, expected at least 1',
      'Unexpected value `"yes"` for `formats.squid` in `allowlist.config.json`, expected an object',
    ])
  })

  it('should keep per-format options open', () => {
    expect(validateConfig({formats: {squid: {aclName: 'x', anything: [1]}}}, 'f')).toEqual({
      formats: {squid: {aclName: 'x', anything: [1]}},
    })
  })

  it('should accept the starter config that `init` writes', async () => {
    await writeFile(join(directory, STARTER_CONFIG_FILE), STARTER_CONFIG)
    expect((await loadConfig({cwd: directory})).config).toMatchObject({
      collapse: 'registrable',
      queryTypes: ['A', 'AAAA', 'HTTPS', 'SVCB'],
      cnameTargets: 'omit',
    })
  })
})
