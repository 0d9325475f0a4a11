/**
 * Slicing a file across worker threads must not change the graph. Worker scripts exist only
 * in the build, so this test loads `dist/` (`npm test` builds first).
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generateLog} from '../../bench/generate-log.js'
import {serializeGraph} from '../../src/graph/document.js'
import {findNode} from '../../src/graph/tree.js'

type IngestModule = typeof import('../../src/ingest/index.js')

describe('parallel ingest', () => {
  let directory: string
  let log: string
  let built: IngestModule
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-parallel-'))
    log = join(directory, 'dns.log')
    await generateLog(log, {lines: 60_000, seed: 42})
    built = (await import(pathToFileURL('dist/ingest/index.js').href)) as IngestModule
  })
  afterAll(async () => {
    await rm(directory, {recursive: true, force: true})
  })

  it('should build the same graph and summary with 1 to 5 slices', async () => {
    const single = await built.ingest([log], {workers: 1})
    expect(single.summary.lines).toBe(60_000)
    for (const workers of [2, 3, 5]) {
      const sliced = await built.ingest([log], {workers, parallelMinBytes: 0})
      expect(serializeGraph(sliced.tree)).toBe(serializeGraph(single.tree))
      expect(sliced.summary).toEqual(single.summary)
    }
  })

  it("should write the graph's document from 1 to 5 slices without building the graph", async () => {
    const single = await built.ingest([log], {workers: 1})
    for (const workers of [1, 2, 3, 5]) {
      const {document, summary} = await built.ingestDocument([log], {
        workers,
        parallelMinBytes: 0,
      })
      expect(Buffer.from(document).toString()).toBe(serializeGraph(single.tree))
      expect(summary).toEqual(single.summary)
    }
  })

  it('should list every client of a name, past the 32 kept as bits, whatever the slicing', async () => {
    // 40 clients, met in one order in the first half of the file and in reverse in the second:
    // the slices number them differently, and some land past the 32 bits on one side only.
    const clients = Array.from({length: 40}, (_, index) => `10.0.${index}.1`)
    const lines = (order: string[]): string =>
      order
        .map(
          (client, index) =>
            `Dec  4 10:00:00 dnsmasq[1]: query[A] n${index % 3}.example from ${client}\n` +
            `Dec  4 10:00:00 dnsmasq[1]: reply n${index % 3}.example is 192.0.2.1\n`,
        )
        .join('')
    const file = join(directory, 'clients.log')
    await writeFile(file, lines(clients) + lines([...clients].reverse()))
    const single = await built.ingest([file], {workers: 1})
    const expected = new Set<string>()
    clients.forEach((client, index) => index % 3 === 0 && expected.add(client))
    ;[...clients].reverse().forEach((client, index) => index % 3 === 0 && expected.add(client))
    const listed = findNode(single.tree, 'n0.example')?.data?.observation?.clients
    expect(listed).toEqual([...expected].sort())
    for (const workers of [2, 3]) {
      const sliced = await built.ingest([file], {workers, parallelMinBytes: 0})
      expect(serializeGraph(sliced.tree)).toBe(serializeGraph(single.tree))
      const {document} = await built.ingestDocument([file], {workers, parallelMinBytes: 0})
      expect(Buffer.from(document).toString()).toBe(serializeGraph(single.tree))
    }
  })

  it('should pair answers across a slice boundary that falls right after a query', async () => {
    // The cut goes after the first newline past the middle: the seam query's line. Its answer
    // is the first line of the second slice.
    const filler = Array.from(
      {length: 200},
      (_, index) =>
        `Dec  4 10:00:00 dnsmasq[1]: query[A] f${index}.example from 10.0.0.1\n` +
        `Dec  4 10:00:00 dnsmasq[1]: reply f${index}.example is 192.0.2.9\n`,
    ).join('')
    const query = 'Dec  4 10:00:01 dnsmasq[1]: query[AAAA] seam.example from 10.0.0.1\n'
    const answer = 'Dec  4 10:00:02 dnsmasq[1]: reply seam.example is 2001:db8::1\n'
    const file = join(directory, 'seam.log')
    await writeFile(file, filler + query + answer + filler)
    const size = (filler.length * 2 + query.length + answer.length) / 2
    expect(size).toBeGreaterThanOrEqual(filler.length)
    expect(size).toBeLessThan(filler.length + query.length)

    const sliced = await built.ingest([file], {workers: 2, parallelMinBytes: 0})
    const observation = findNode(sliced.tree, 'seam.example')?.data?.observation
    expect(observation?.outcomes).toEqual({AAAA: {address: 1}})
    expect(observation?.lastSeen).toBe('--12-04T10:00:02')
    expect(observation?.places).toEqual([{file, line: 401}])
    const single = await built.ingest([file], {workers: 1})
    expect(serializeGraph(sliced.tree)).toBe(serializeGraph(single.tree))
  })
})
