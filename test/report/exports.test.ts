import {describe, expect, it} from 'vitest'

describe('public API of the report', () => {
  it('should export the report entry points', async () => {
    const keys = Object.keys(await import('../../src/index.js'))
    expect(keys).toEqual(
      expect.arrayContaining([
        'REPORT_FORMATS',
        'buildReportModel',
        'compileReport',
        'renderReport',
        'renderReportModel',
      ]),
    )
  })
})
