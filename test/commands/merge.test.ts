import {runCommand} from '@oclif/test'
import fc from 'fast-check'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {saveGraph} from '../../src/graph/document.js'
import {graphArbitrary} from '../support/graph-arbitrary.js'
import {runCli} from '../support/cli.js'
import {useTempDir} from '../support/temp-dir.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))

describe('allowlist merge', () => {
  const files = useTempDir('allowlist-merge-', {per: 'file'})
  const graph = (name: string): string => join(files.path, `${name}.json`)
  beforeAll(() => {
    for (const [name, log] of [
      ['npm', 'npm-install'],
      ['npm-again', 'npm-install'],
      ['pip', 'pip-install'],
    ] as const) {
      expect(runCli(['ingest', join(FIXTURES, log, 'dns.log'), '-o', graph(name)]).status).toBe(0)
    }
  })

  /** `allowlist merge …inputs -o output` in process; returns the written bytes. */
  async function merge(output: string, ...inputs: string[]): Promise<string> {
    const path = join(files.path, output)
    const {error} = await runCommand(['merge', ...inputs, '-o', path])
    expect(error).toBeUndefined()
    return readFile(path, 'utf8')
  }

  it('should give the same bytes for any grouping and order of its inputs', async () => {
    let round = 0
    await fc.assert(
      fc.asyncProperty(graphArbitrary, graphArbitrary, graphArbitrary, async (a, b, c) => {
        round++
        const [pathA, pathB, pathC] = ['a', 'b', 'c'].map((name) =>
          join(files.path, `${name}${round}.json`),
        ) as [string, string, string]
        await Promise.all([saveGraph(a, pathA), saveGraph(b, pathB), saveGraph(c, pathC)])
        const flat = await merge(`abc${round}.json`, pathA, pathB, pathC)
        await merge(`ab${round}.json`, pathA, pathB)
        await merge(`bc${round}.json`, pathB, pathC)
        expect(await merge(`ab-c${round}.json`, join(files.path, `ab${round}.json`), pathC)).toBe(
          flat,
        )
        expect(await merge(`a-bc${round}.json`, pathA, join(files.path, `bc${round}.json`))).toBe(
          flat,
        )
        expect(await merge(`cba${round}.json`, pathC, pathB, pathA)).toBe(flat)
      }),
      {numRuns: 15},
    )
  })

  it('should count runs and clients per name, documented in --json', async () => {
    const [npm, pip, npmAgain] = [graph('npm'), graph('pip'), graph('npm-again')]
    const output = join(files.path, 'merged.json')
    const {result} = await runCommand<{counts: Array<{name: string}>}>([
      'merge',
      npm,
      pip,
      npmAgain,
      '-o',
      output,
      '--json',
    ])
    expect(result).toMatchObject({
      schema: 'allowlist-merge/1',
      inputs: [npm, pip, npmAgain],
      runs: 3,
    })
    const byName = new Map(result?.counts.map((count) => [count.name, count]))
    expect(byName.get('registry.npmjs.org')).toEqual({
      name: 'registry.npmjs.org',
      runs: 2,
      clients: 1,
      queries: 8,
    })
    expect(byName.get('huggingface.co')).toEqual({
      name: 'huggingface.co',
      runs: 1,
      clients: 2,
      queries: 3,
    })
    const document = JSON.parse(await readFile(output, 'utf8'))
    expect(document.runs).toBe(3)
    expect(document.names['registry.npmjs.org'].runs).toBe(2)
  })

  it('should list names not seen in every run on stderr', async () => {
    const result = runCli(['merge', graph('npm'), graph('pip'), '-o', join(files.path, 'two.json')])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      `Merged 2 graphs (2 runs, 39 names) into ${join(files.path, 'two.json')}`,
    )
    expect(result.stderr).toContain('  registry.npmjs.org  runs 1/2, clients 1, queries 4\n')
  })

  it('should print the merged graph to stdout for `-o -`, as ingest does', async () => {
    const written = await merge('one.json', graph('npm'), graph('pip'))
    const result = runCli(['merge', graph('npm'), graph('pip'), '-o', '-'])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(written)
    expect(result.stderr).toContain('Merged 2 graphs (2 runs, 39 names)\n')
  })

  it('should exit 3 naming a file that is not a graph, and write nothing', async () => {
    const log = join(FIXTURES, 'npm-install/dns.log')
    const output = join(files.path, 'never.json')
    const bad = runCli(['merge', log, '-o', output])
    expect(bad.status).toBe(3)
    expect(bad.stderr).toContain(log)
    await expect(readFile(output)).rejects.toThrow(/ENOENT/)
  })
})
