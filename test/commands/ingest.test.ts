import {spawnSync} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {parseGraph} from '../../src/graph/load-document.js'

describe('allowlist ingest', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-ingest-command-'))
  })
  afterEach(async () => {
    await rm(directory, {recursive: true, force: true})
  })

  it('should return the summary under --json and write the graph with -o', async () => {
    const output = join(directory, 'graph.json')
    const {stdout, result, error} = await runCommand([
      'ingest',
      'fixtures/apt-extra/dns.log',
      '-o',
      output,
      '--json',
    ])
    expect(error).toBeUndefined()
    expect(JSON.parse(stdout)).toEqual(result)
    expect(result).toMatchObject({
      lines: 77,
      queries: 20,
      names: 10,
      unparsed: 0,
      unparsedSamples: [],
    })
    const graph = parseGraph(await readFile(output, 'utf8'), output)
    expect(graph.data?.sources).toEqual([
      {
        file: 'fixtures/apt-extra/dns.log',
        shape: 'extra',
        gzip: false,
        lines: 77,
        queries: 20,
        unparsed: 0,
      },
    ])
  })

  it('should write the graph to stdout and the summary to stderr without -o', () => {
    const child = spawnSync('node', ['bin/run.js', 'ingest', 'fixtures/hostile-garbage/dns.log'], {
      encoding: 'utf8',
    })
    expect(child.status).toBe(0)
    expect(
      Object.keys(
        parseGraph(child.stdout, 'stdout').children.length > 0 ? JSON.parse(child.stdout) : {},
      ),
    ).toEqual(['schema', 'runs', 'sources', 'names'])
    expect(child.stderr).toContain('46 lines, 16 queries, 15 names, 7 unparsed')
    expect(child.stderr).toContain('fixtures/hostile-garbage/dns.log:33: Unexpected line `\\x00')
    expect(child.stderr).not.toContain('\r')
  })

  it('should merge logs and saved graphs given together', async () => {
    const saved = join(directory, 'pip.json')
    expect(
      spawnSync('node', ['bin/run.js', 'ingest', 'fixtures/pip-install/dns.log', '-o', saved])
        .status,
    ).toBe(0)
    const {result} = await runCommand<{names: number; sources: unknown[]}>([
      'ingest',
      'fixtures/npm-install/dns.log',
      saved,
      '-o',
      join(directory, 'both.json'),
      '--json',
    ])
    // 18 names each; only `<name unprintable>` is in both.
    expect(result?.names).toBe(35)
    expect(result?.sources).toHaveLength(2)
  })

  it('should fail with exit 3, name the file and leave no output file when an input is unreadable', async () => {
    const output = join(directory, 'graph.json')
    const missing = join(directory, 'missing.log')
    const child = spawnSync(
      'node',
      ['bin/run.js', 'ingest', 'fixtures/npm-install/dns.log', missing, '-o', output],
      {
        encoding: 'utf8',
      },
    )
    expect(child.status).toBe(3)
    expect(unwrap(child.stderr)).toContain(`Cannot read \`${missing}\`: no such file`)
    expect(await readdir(directory)).toEqual([])
  })

  it('should fail with exit 3 on a corrupt gzip input', async () => {
    const broken = join(directory, 'dns.log')
    const gzip = await readFile('fixtures/npm-install-gzip/dns.log')
    await writeFile(broken, gzip.subarray(0, 200))
    const child = spawnSync(
      'node',
      ['bin/run.js', 'ingest', broken, '-o', join(directory, 'graph.json')],
      {
        encoding: 'utf8',
      },
    )
    expect(child.status).toBe(3)
    expect(unwrap(child.stderr)).toContain(`Cannot read \`${broken}\``)
    expect(await readdir(directory)).toEqual(['dns.log'])
  })

  it('should write the graph to stdout with -o - and refuse a directory as input', async () => {
    const dash = spawnSync(
      'node',
      ['bin/run.js', 'ingest', 'fixtures/apt-extra/dns.log', '-o', '-'],
      {
        encoding: 'utf8',
      },
    )
    expect(dash.status).toBe(0)
    expect(parseGraph(dash.stdout, 'stdout').data?.runs).toBe(1)
    const folder = spawnSync('node', ['bin/run.js', 'ingest', directory], {encoding: 'utf8'})
    expect(folder.status).toBe(3)
    expect(unwrap(folder.stderr)).toContain(`Cannot read \`${directory}\`: it is a directory`)
  })

  it('should read a named pipe once, as a stream', async () => {
    const fifo = join(directory, 'dns.fifo')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const child = spawnSync(
      'sh',
      [
        '-c',
        'cat "$1" > "$2" & exec node bin/run.js ingest "$2" --json',
        'sh',
        'fixtures/npm-install/dns.log',
        fifo,
      ],
      {encoding: 'utf8'},
    )
    expect(child.status).toBe(0)
    expect(JSON.parse(child.stdout)).toMatchObject({lines: 112, queries: 31, names: 18})
  })
})

/** oclif wraps error messages to the terminal width with a ` ›   ` margin; join the lines. */
function unwrap(stderr: string): string {
  return stderr.replace(/\s*\n\s*›\s*/g, ' ')
}
