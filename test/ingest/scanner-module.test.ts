import {describe, expect, it} from 'vitest'
import * as records from '../../src/ingest/scan-records.js'
import {ScannerInstance} from '../../src/ingest/scanner-module.js'

describe('the compiled scanner', () => {
  it('should export every record constant with the value the TypeScript side uses', () => {
    const exported = new ScannerInstance().exports as unknown as Record<string, {value: number}>
    const ours = Object.entries(records)
    expect(ours.length).toBeGreaterThan(40)
    for (const [name, value] of ours) {
      expect({name, value: exported[name]?.value}).toEqual({name, value})
    }
  })

  it('should give each instance its own values and counts', () => {
    const first = new ScannerInstance()
    const second = new ScannerInstance()
    const line = Buffer.from('Dec  4 08:00:00 dnsmasq[1]: query[MX] example.org from 10.0.0.1\n')
    first.bytes.set(line, first.input)
    expect(first.exports.scan(first.input, first.input + line.length)).toBe(
      first.input + line.length,
    )
    first.refresh()
    expect(first.exports.recordCount()).toBe(1)
    const name = first.records[records.FIELD_NAME] as number
    const type = first.records[records.FIELD_TYPE] as number
    expect(first.text(records.VALUE_NAME, name, 'utf8')).toBe('example.org')
    expect(first.text(records.VALUE_TYPE, type, 'latin1')).toBe('MX')
    expect(first.exports.lines()).toBe(1)
    expect(second.exports.lines()).toBe(0)
    expect(second.exports.valueCount(records.VALUE_NAME)).toBe(0)
  })
})
