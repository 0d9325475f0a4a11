import {mkdtemp, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {AllowlistError} from '../../src/errors.js'
import {graphToDocument, saveGraph, serializeGraph} from '../../src/graph/document.js'
import {loadGraph, parseGraph} from '../../src/graph/load-document.js'
import {createRoot, ensureNode} from '../../src/graph/tree.js'
import type {Observation} from '../../src/graph/types.js'
import {graphArbitrary} from '../support/graph-arbitrary.js'

describe('graph document', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-document-'))
  })
  afterEach(async () => {
    await rm(directory, {recursive: true, force: true})
  })

  it('should load back exactly the tree that was serialised', () => {
    fc.assert(
      fc.property(graphArbitrary, (root) => {
        const text = serializeGraph(root)
        const loaded = parseGraph(text, 'graph.json')
        expect(loaded).toEqual(root)
        expect(serializeGraph(loaded)).toBe(text)
      }),
    )
  })

  it('should serialise exactly as JSON.stringify of the document with two-space indents', () => {
    fc.assert(
      fc.property(graphArbitrary, (root) => {
        expect(serializeGraph(root)).toBe(
          `${JSON.stringify(graphToDocument(root), undefined, 2)}\n`,
        )
      }),
    )
    const empty = createRoot()
    expect(serializeGraph(empty)).toBe(`${JSON.stringify(graphToDocument(empty), undefined, 2)}\n`)
  })

  it('should serialise large graphs, and names that look like numbers, in sorted order', () => {
    const root = createRoot()
    const names = Array.from({length: 2500}, (_, index) => `host${index}.example`)
    for (const name of names) ensureNode(root, name).data = {observation: observation()}
    expect(serializeGraph(root)).toBe(`${JSON.stringify(graphToDocument(root), undefined, 2)}\n`)

    // Objects would list `42` and `7` first; the document keeps them in sorted order.
    for (const name of ['42', '7']) ensureNode(root, name).data = {observation: observation()}
    const text = serializeGraph(root)
    const written = [...text.matchAll(/^ {4}"([^"]+)": \{$/gm)].map((match) => match[1])
    expect(written).toEqual([...names, '42', '7'].sort())
    expect(serializeGraph(parseGraph(text, 'graph.json'))).toBe(text)
  })

  it('should write any observation in the document order, keys sorted, leaving it as it was', () => {
    const scrambled = {
      runs: 2,
      rawNames: ['Example.com'],
      // A place read from elsewhere may carry more than the document writes.
      places: [{line: 3, extra: true, file: 'dns.log'}],
      lastSeen: '--12-04T10:00:01',
      firstSeen: '--12-04T10:00:00',
      clients: ['10.0.0.2'],
      cnameFrom: [],
      cnameTo: [],
      addresses: {v6: ['2001:db8::1'], v4: ['192.0.2.1']},
      outcomes: {AAAA: {nxdomain: 1, address: 2}, A: {address: 1}},
      queries: {MX: 1, A: 3},
    } as unknown as Observation
    const before = structuredClone(scrambled)
    const root = createRoot()
    ensureNode(root, 'example.com').data = {observation: scrambled}
    const entry = JSON.parse(serializeGraph(root)).names['example.com'] as Record<string, unknown>
    expect(Object.keys(entry)).toEqual([
      'queries',
      'outcomes',
      'addresses',
      'cnameTo',
      'cnameFrom',
      'clients',
      'firstSeen',
      'lastSeen',
      'places',
      'rawNames',
      'runs',
    ])
    expect(JSON.stringify(entry.queries)).toBe('{"A":3,"MX":1}')
    expect(JSON.stringify(entry.outcomes)).toBe(
      '{"A":{"address":1},"AAAA":{"address":2,"nxdomain":1}}',
    )
    expect(JSON.stringify(entry.addresses)).toBe('{"v4":["192.0.2.1"],"v6":["2001:db8::1"]}')
    expect(entry.places).toEqual([{file: 'dns.log', line: 3}])
    expect(scrambled).toEqual(before)
    expect(Object.keys(scrambled.queries)).toEqual(['MX', 'A'])
  })

  it('should write the names sorted, under the schema version', () => {
    fc.assert(
      fc.property(graphArbitrary, (root) => {
        const document = JSON.parse(serializeGraph(root)) as ReturnType<typeof graphToDocument>
        expect(Object.keys(document)).toEqual(['schema', 'runs', 'sources', 'names'])
        expect(document.schema).toBe('allowlist-graph/1')
        const names = Object.keys(document.names)
        expect(names).toEqual([...names].sort())
      }),
    )
  })

  it('should save atomically and load from disk', async () => {
    const root = fc.sample(graphArbitrary, {seed: 7, numRuns: 1})[0]
    if (!root) throw new Error('no sample')
    const file = join(directory, 'graph.json')
    await saveGraph(root, file)
    expect(await readdir(directory)).toEqual(['graph.json'])
    expect(await loadGraph(file)).toEqual(root)
  })

  it('should name the file and the key path of an invalid document', async () => {
    const file = join(directory, 'bad.json')
    await writeFile(
      file,
      JSON.stringify({
        schema: 'allowlist-graph/1',
        runs: 1,
        sources: [],
        names: {'a.com': {queries: {A: 'x'}}},
      }),
    )
    await expect(loadGraph(file)).rejects.toThrow(
      new RegExp(`Unexpected value at \`names\\.a\\.com\\.queries\\.A\` in \`${file}\``),
    )
    await expect(loadGraph(file)).rejects.toBeInstanceOf(AllowlistError)
  })

  it('should reject another schema version and text that is no JSON', () => {
    expect(() =>
      parseGraph('{"schema":"allowlist-graph/2","runs":1,"sources":[],"names":{}}', 'g.json'),
    ).toThrow('Unexpected value at `schema` in `g.json`')
    expect(() => parseGraph('{oops', 'g.json')).toThrow(
      'Unexpected content in `g.json`, expected a graph document',
    )
  })

  it('should report a missing file as an input error naming it', async () => {
    const file = join(directory, 'missing.json')
    await expect(loadGraph(file)).rejects.toMatchObject({
      exit: 'input',
      message: `Cannot read \`${file}\`: ENOENT: no such file or directory, open '${file}'`,
    })
  })
})

function observation(): Observation {
  return {
    queries: {A: 1},
    outcomes: {A: {address: 1}},
    addresses: {v4: ['192.0.2.1'], v6: []},
    cnameTo: [],
    cnameFrom: [],
    clients: ['10.0.0.2'],
    places: [{file: 'dns.log', line: 1}],
    rawNames: [],
    runs: 1,
  }
}
