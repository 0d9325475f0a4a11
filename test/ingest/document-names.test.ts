import {readdirSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {documentText, serializeGraph, type DocumentHead} from '../../src/graph/document.js'
import {GRAPH_SCHEMA} from '../../src/graph/types.js'
import * as inputs from '../../src/ingest/document-names.js'
import {ingest, ingestDocument, type IngestOptions} from '../../src/ingest/index.js'
import {logGraph, logScan, type LogScan} from '../../src/ingest/read-log.js'
import {LogScanner} from '../../src/ingest/scan-log.js'
import {useTempDir} from '../support/temp-dir.js'

/** Both ways to a document: the compiled writer's, and the serialised graph's. */
async function bothDocuments(
  files: string[],
  options: IngestOptions = {},
): Promise<{written: string; serialised: string}> {
  const {document, summary} = await ingestDocument(files, options)
  const {tree, summary: treeSummary} = await ingest(files, options)
  expect(summary).toEqual(treeSummary)
  return {written: Buffer.from(document).toString('utf8'), serialised: serializeGraph(tree)}
}

const fixtureLogs = readdirSync('fixtures', {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && entry.name !== 'render')
  .map((entry) => join('fixtures', entry.name, 'dns.log'))

// Values that test the writer's escaping and ordering: case, quotes, backslashes, control
// bytes, non-ASCII, names that look like array indexes, and separators inside names.
const names = [
  'a.example',
  'B.Example.',
  'b.example',
  'c.example.net',
  'edge.cdn.example',
  '"quoted".example',
  'back\\slash.example',
  'tab\there.example',
  'unit\x1fseparator.example',
  'delete\x7f.example',
  'bücher.example',
  '42',
  '7',
  'a from b.example',
  'name with spaces.example',
  '10.0.0.9',
]
const types = ['A', 'AAAA', 'HTTPS', 'MX', 'type=65', 'PTR', '9', '10']
const answers = [
  '192.0.2.1',
  '192.0.2.10',
  '192.0.2.2',
  '2001:db8::1',
  '2001:db8::a:b:c:d:e',
  '<CNAME>',
  'NXDOMAIN',
  'NODATA',
  'NODATA-IPv6',
  '<MX>',
  'host.example',
  '1:2\x01:3',
  'f\xe9:1',
]
const clients = Array.from({length: 40}, (_, index) => `10.0.${index % 3}.${index}`)

/** One query and what dnsmasq logs after it: a forward, answers, maybe a CNAME's target's. */
const exchange = fc
  .record({
    pid: fc.integer({min: 0, max: 3}),
    second: fc.nat({max: 59}),
    extra: fc.boolean(),
    type: fc.constantFrom(...types),
    name: fc.constantFrom(...names),
    client: fc.constantFrom(...clients),
    forwarded: fc.boolean(),
    verb: fc.constantFrom('reply', 'cached', 'config', '/etc/hosts'),
    answers: fc.array(fc.constantFrom(...answers), {maxLength: 4}),
    target: fc.option(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...answers))),
    refused: fc.boolean(),
    latin1: fc.boolean(),
  })
  .map((exchange) => {
    const {name, verb} = exchange
    const messages = [`query[${exchange.type}] ${name} from ${exchange.client}`]
    if (exchange.forwarded) messages.push(`forwarded ${name} to 127.0.0.2`)
    messages.push(...exchange.answers.map((answer) => `${verb} ${name} is ${answer}`))
    if (exchange.target) {
      messages.push(`${verb} ${name} is <CNAME>`)
      messages.push(`${verb} ${exchange.target[0]} is ${exchange.target[1]}`)
    }
    if (exchange.refused) messages.push('reply error is REFUSED')
    const time = `Dec  4 10:00:${String(exchange.second).padStart(2, '0')}`
    const prefix = `${time} dnsmasq[${100 + exchange.pid}]: ${
      exchange.extra ? `${exchange.pid} 10.0.0.1/5353 ` : ''
    }`
    // Now and then Latin-1, which makes the non-ASCII bytes invalid UTF-8.
    return messages.map((text) =>
      Buffer.from(`${prefix}${text}\n`, exchange.latin1 ? 'latin1' : 'utf8'),
    )
  })

/** A log scanned in parts, as threads scan slices (without reading past their ends). */
function scanInParts(parts: Buffer[]): LogScan {
  let lines = 0
  const slices = parts.map((part) => {
    const scanner = new LogScanner('dns.log')
    scanner.push(part)
    scanner.end()
    const {state, counts} = scanner.result()
    const slice = {state, linesBefore: lines}
    lines += counts.lines
    return slice
  })
  const counts = {lines, foreign: 0, unparsed: 0, unparsedSamples: [], extra: 0}
  return logScan('dns.log', false, {counts: {...counts, shapes: [lines, 0, 0]}, queries: 0}, slices)
}

describe('the compiled document writer', () => {
  const directory = useTempDir('allowlist-document-names-')

  it('should export the input numbers the TypeScript side writes', () => {
    const exported = inputs.documentWriter() as Record<string, {value: number} | undefined>
    const ours = Object.entries(inputs).filter(([name]) => name.startsWith('INPUT_'))
    expect(ours).toHaveLength(14)
    for (const [name, value] of ours) {
      expect({name, value: exported[name]?.value}).toEqual({name, value})
    }
  })

  it('should write, for every fixture log, the document of the graph ingest builds', async () => {
    expect(fixtureLogs.length).toBeGreaterThan(10)
    for (const file of fixtureLogs) {
      const {written, serialised} = await bothDocuments([file])
      expect({file, written}).toEqual({file, written: serialised})
    }
  })

  it('should write the same document as the graph for any log', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exchange, {maxLength: 30}), async (exchanges) => {
        const file = join(directory.path, 'dns.log')
        await writeFile(file, Buffer.concat(exchanges.flat()))
        const {written, serialised} = await bothDocuments([file])
        expect(written).toBe(serialised)
      }),
      {numRuns: 150},
    )
  })

  it("should merge slices as the graph's merge does", () => {
    fc.assert(
      fc.property(
        fc.array(exchange, {maxLength: 30}),
        fc.array(fc.nat(), {maxLength: 3}),
        (exchanges, cuts) => {
          const lines = exchanges.flat()
          const ends = [...new Set(cuts.map((cut) => cut % (lines.length + 1)))].sort(
            (a, b) => a - b,
          )
          const parts = [...ends, lines.length].map((end, index) =>
            Buffer.concat(lines.slice(index === 0 ? 0 : ends[index - 1], end)),
          )
          const log = scanInParts(parts)
          const written = new inputs.NamesWriter().finish(log)
          const head: DocumentHead = {schema: GRAPH_SCHEMA, runs: 1, sources: [log.source]}
          expect(
            Buffer.from(documentText(head, written?.names ?? new Uint8Array())).toString(),
          ).toBe(serializeGraph(logGraph(log)))
        },
      ),
      {numRuns: 150},
    )
  })

  it('should fall back to the graph for labels it cannot write, and for several inputs', async () => {
    const file = await directory.write(
      'dns.log',
      [
        'Dec  4 10:00:00 dnsmasq[1]: query[A] a.example from 10.0.0.1',
        'Dec  4 10:00:00 dnsmasq[1]: reply a.example is 192.0.2.1',
        'Dec  4 10:00:01 dnsmasq[1]: query[A] b.example from 10.0.0.2',
        '',
      ].join('\n'),
    )
    const labels = new Map([
      ['10.0.0.1', 'line\nbreak'],
      ['10.0.0.2', '\uD800 alone'],
    ])
    const labelled = await bothDocuments([file], {clients: labels})
    expect(labelled.written).toBe(labelled.serialised)
    expect(labelled.written).toContain('"line\\nbreak"')
    const twice = await bothDocuments([file, file])
    expect(twice.written).toBe(twice.serialised)
    expect(twice.written).toContain('"runs": 2')
  })
})
