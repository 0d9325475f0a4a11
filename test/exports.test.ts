import {describe, expect, it} from 'vitest'

describe('public API of the ingest and graph modules', () => {
  it('should export the ingest entry point and the graph functions', async () => {
    expect(Object.keys(await import('../src/index.js'))).toEqual(
      expect.arrayContaining([
        'AllowlistError',
        'ExitCode',
        'GRAPH_SCHEMA',
        'createRoot',
        'emptyObservation',
        'ensureNode',
        'findNode',
        'ingest',
        'ingestDocument',
        'isDomainNode',
        'loadGraph',
        'mergeGraphs',
        'normalizeName',
        'observedNodes',
        'parseGraph',
        'saveGraph',
        'serializeGraph',
        'writeFileAtomic',
      ]),
    )
  })
})
