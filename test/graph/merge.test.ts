import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {graphToDocument} from '../../src/graph/document.js'
import {mergeGraphs} from '../../src/graph/merge.js'
import {createRoot, emptyObservation, ensureNode} from '../../src/graph/tree.js'
import type {Root} from '../../src/graph/types.js'
import {graphArbitrary} from '../support/graph-arbitrary.js'

const documentOf = (root: Root) => graphToDocument(root)

describe('mergeGraphs', () => {
  it('should be commutative', () => {
    fc.assert(
      fc.property(graphArbitrary, graphArbitrary, (a, b) => {
        expect(documentOf(mergeGraphs(a, b))).toEqual(documentOf(mergeGraphs(b, a)))
      }),
    )
  })

  it('should be associative', () => {
    fc.assert(
      fc.property(graphArbitrary, graphArbitrary, graphArbitrary, (a, b, c) => {
        expect(documentOf(mergeGraphs(mergeGraphs(a, b), c))).toEqual(
          documentOf(mergeGraphs(a, mergeGraphs(b, c))),
        )
      }),
    )
  })

  it('should treat an empty graph as the identity', () => {
    fc.assert(
      fc.property(graphArbitrary, (a) => {
        expect(documentOf(mergeGraphs(a, createRoot()))).toEqual(documentOf(a))
      }),
    )
  })

  it('should sum counts, unite sets and keep the extreme times', () => {
    const a = createRoot()
    a.data = {runs: 1, sources: []}
    ensureNode(a, 'example.com').data = {
      observation: {
        ...emptyObservation(),
        queries: {A: 2},
        outcomes: {A: {address: 2}},
        addresses: {v4: ['192.0.2.2'], v6: []},
        clients: ['10.0.0.2'],
        firstSeen: '--12-04T10:00:00',
        lastSeen: '--12-04T11:00:00',
        places: [{file: 'b.log', line: 9}],
        rawNames: ['Example.com', 'h', 'i', 'j', 'k', 'l', 'm', 'n'],
      },
    }
    const b = createRoot()
    b.data = {runs: 2, sources: []}
    ensureNode(b, 'example.com').data = {
      observation: {
        ...emptyObservation(),
        queries: {A: 1, AAAA: 1},
        outcomes: {A: {nxdomain: 1}, AAAA: {nodata: 1}},
        addresses: {v4: ['192.0.2.1', '192.0.2.2'], v6: []},
        clients: ['10.0.0.1'],
        firstSeen: '--12-04T09:00:00',
        lastSeen: '--12-04T10:30:00',
        places: [
          {file: 'a.log', line: 4},
          {file: 'b.log', line: 3},
        ],
        rawNames: ['EXAMPLE.COM', 'example.com.'],
        runs: 2,
      },
    }
    expect(documentOf(mergeGraphs(a, b))).toEqual({
      schema: 'allowlist-graph/1',
      runs: 3,
      sources: [],
      names: {
        'example.com': {
          queries: {A: 3, AAAA: 1},
          outcomes: {A: {address: 2, nxdomain: 1}, AAAA: {nodata: 1}},
          addresses: {v4: ['192.0.2.1', '192.0.2.2'], v6: []},
          cnameTo: [],
          cnameFrom: [],
          clients: ['10.0.0.1', '10.0.0.2'],
          firstSeen: '--12-04T09:00:00',
          lastSeen: '--12-04T11:00:00',
          places: [
            {file: 'a.log', line: 4},
            {file: 'b.log', line: 3},
          ],
          rawNames: ['EXAMPLE.COM', 'Example.com', 'example.com.', 'h', 'i', 'j', 'k', 'l'],
          runs: 3,
        },
      },
    })
  })
})
