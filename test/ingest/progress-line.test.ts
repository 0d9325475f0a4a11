import {describe, expect, it} from 'vitest'
import {createProgressLine} from '../../src/cli/progress.js'

describe('progress line', () => {
  it('should redraw one line in place and erase it when done', () => {
    const written: string[] = []
    const stream = {write: (text: string) => written.push(text)} as unknown as NodeJS.WriteStream
    const progress = createProgressLine(stream)
    progress.update({bytes: 1_048_576, totalBytes: 4_194_304, lines: 12_345})
    progress.update({bytes: 2_097_152, totalBytes: undefined, lines: 23_456})
    progress.done()
    expect(written).toEqual([
      '\r\u001b[2Kreading 1.0 MB of 4.0 MB (25%), 12,345 lines',
      '\r\u001b[2Kreading 2.0 MB, 23,456 lines',
      '\r\u001b[2K',
    ])
  })
})
