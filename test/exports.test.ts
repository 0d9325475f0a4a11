import {describe, expect, it} from 'vitest'

describe('public API', () => {
  it('should export exactly the documented names', async () => {
    expect(Object.keys(await import('../src/index.js')).sort()).toEqual([
      'AllowlistError',
      'ExitCode',
      'GRAPH_SCHEMA',
      'createRoot',
      'emptyObservation',
      'ensureNode',
      'findNode',
      'ingest',
      'isDomainNode',
      'loadGraph',
      'mergeGraphs',
      'normalizeName',
      'observedNodes',
      'parseGraph',
      'saveGraph',
      'serializeGraph',
      'writeFileAtomic',
    ])
  })
})
