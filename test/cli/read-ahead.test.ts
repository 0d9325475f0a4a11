/**
 * Reading a large log before the command line framework loads: the bin script must find the
 * right file, ingest must adopt the threads only when they read what it reads, and the result
 * must be the one a plain read gives. The threads exist only in the build, so most of this
 * loads `dist/` (`npm test` builds first).
 */
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {generateLog} from '../../bench/generate-log.js'
import {firstArgument, type ManifestFlag} from '../../src/cli/read-ahead.js'
import {runCli} from '../support/cli.js'
import {useTempDir} from '../support/temp-dir.js'

type ReadAheadModule = typeof import('../../src/ingest/read-ahead.js')
type IngestModule = typeof import('../../src/ingest/index.js')

const flags: Record<string, ManifestFlag> = {
  json: {type: 'boolean'},
  output: {char: 'o', type: 'option'},
}

describe('reading ahead', () => {
  it('should take the first argument that is neither a flag nor a value of one', () => {
    expect(firstArgument(['dns.log', '-o', 'graph.json'], flags)).toBe('dns.log')
    expect(firstArgument(['-o', 'graph.json', 'dns.log'], flags)).toBe('dns.log')
    expect(firstArgument(['--output', 'graph.json', '--json', 'dns.log'], flags)).toBe('dns.log')
    expect(firstArgument(['--output=graph.json', 'dns.log'], flags)).toBe('dns.log')
    expect(firstArgument(['-ograph.json', 'dns.log'], flags)).toBe('dns.log')
    expect(firstArgument(['--json', '--', '-odd.log'], flags)).toBe('-odd.log')
    expect(firstArgument(['-', 'dns.log'], flags)).toBe('-')
    expect(firstArgument(['--json', '-o', 'graph.json'], flags)).toBeUndefined()
  })

  describe('of a log large enough for threads', () => {
    const directory = useTempDir('allowlist-read-ahead-', {per: 'file'})
    let log: string
    let built: {readAhead: ReadAheadModule; ingest: IngestModule}
    beforeAll(async () => {
      log = join(directory.path, 'dns.log')
      // Past the 32 MiB from which a log is read by threads.
      await generateLog(log, {lines: 450_000, seed: 7})
      expect(statSync(log).size).toBeGreaterThan(32 * 1_048_576)
      built = {
        readAhead: (await import(
          pathToFileURL('dist/ingest/read-ahead.js').href
        )) as ReadAheadModule,
        ingest: (await import(pathToFileURL('dist/ingest/index.js').href)) as IngestModule,
      }
    })

    it('should hand the threads to the ingest that reads the same file the same way', async () => {
      const {readAhead, adoptReadAhead} = built.readAhead
      const {size} = statSync(log)
      readAhead(log)
      const readers = await adoptReadAhead(log, size, 2, undefined)
      expect(readers?.results).toHaveLength(2)
      await Promise.all(readers?.results ?? [])
      // Taken once: the next read starts threads of its own.
      expect(await adoptReadAhead(log, size, 2, undefined)).toBeUndefined()

      readAhead(log)
      const filtered = await adoptReadAhead(log, size, 2, new Map([['10.148.12.20', 'a']]))
      expect(filtered).toBeUndefined()
    })

    it('should give the bin script the document a plain read gives', async () => {
      const output = join(directory.path, 'graph.json')
      const result = runCli(['ingest', '-o', output, log])
      expect(result.stderr).toContain('450,000 lines')
      expect(result.status).toBe(0)
      const {document} = await built.ingest.ingestDocument([log], {workers: 1})
      expect(readFileSync(output, 'utf8')).toBe(Buffer.from(document).toString())
    })

    it('should end a command that never reads the log with its own error', () => {
      const result = runCli(['ingest', log, '--no-such-flag'])
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('--no-such-flag')
      expect(result.stderr).not.toContain('reader thread')
    })
  })
})
