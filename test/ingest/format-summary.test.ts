import {describe, expect, it} from 'vitest'
import {formatIngestSummary} from '../../src/ingest/format-summary.js'

describe('the human ingest summary', () => {
  it('should group thousands as en-US does', () => {
    const text = formatIngestSummary({
      lines: 10_000_000,
      queries: 2_714_012,
      names: 19_847,
      unparsed: 999,
      unparsedSamples: [],
      foreign: 1000,
      sources: [],
    })
    expect(text).toBe(
      '10,000,000 lines, 2,714,012 queries, 19,847 names, 1,000 lines of other programs skipped, 999 unparsed\n  … and 999 more',
    )
  })
})
