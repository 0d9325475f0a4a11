import {describe, expect, it} from 'vitest'
import {OUTCOMES} from '../../src/graph/types.js'
import {InternedValues} from '../../src/ingest/interned-values.js'
import * as records from '../../src/ingest/scan-records.js'
import {ScannerInstance} from '../../src/ingest/scanner-module.js'

function scanner(): {instance: ScannerInstance; values: InternedValues} {
  const values = new InternedValues(undefined)
  const instance = new ScannerInstance(values)
  values.attach(instance)
  return {instance, values}
}

describe('the compiled scanner', () => {
  it('should export every shared constant with the value the TypeScript side uses', () => {
    const exported = scanner().instance.exports as unknown as Record<string, {value: number}>
    const ours = Object.entries(records)
    expect(ours.length).toBeGreaterThan(15)
    for (const [name, value] of ours) {
      expect({name, value: exported[name]?.value}).toEqual({name, value})
    }
    for (const [index, outcome] of OUTCOMES.entries()) {
      const name = `OUTCOME_${outcome.toUpperCase()}`
      expect({name, value: exported[name]?.value}).toEqual({name, value: index})
    }
  })

  it('should give each instance its own values, counts and pending queries', () => {
    const first = scanner()
    const second = scanner()
    const {instance} = first
    const log = Buffer.from(
      'Dec  4 08:00:00 dnsmasq[1]: query[MX] example.org from 10.0.0.1\n' +
        'Dec  4 08:00:01 dnsmasq[1]: reply example.org is <MX>\n',
    )
    instance.bytes.set(log, instance.input)
    expect(instance.exports.scan(instance.input, instance.input + log.length)).toBe(
      instance.input + log.length,
    )
    instance.exports.finish()
    const state = {
      ...first.values.dictionaries(),
      slots: [...instance.output(instance.exports.slotRecords())],
    }
    expect(state.keys).toBe('example.org\n')
    expect(state.types).toBe('A\nAAAA\nMX\n')
    // Key 0, type 2 (MX), one query, one positive answer (the address outcome).
    expect(state.slots).toEqual([0, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(instance.exports.lines()).toBe(2)
    expect(second.instance.exports.lines()).toBe(0)
    expect(second.instance.exports.valueCount(records.VALUE_NAME)).toBe(0)
  })
})
