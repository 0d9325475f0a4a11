import {describe, expect, it} from 'vitest'
import {LogScanner} from '../../src/ingest/scan-log.js'
import {unpackState} from '../../src/ingest/packed-state.js'
import {scanObservations, StateMerger, type ScanState} from '../../src/ingest/scan-state.js'

/** Scan states of consecutive parts of one log, as worker threads post them. */
function statesOf(parts: string[]): ScanState[] {
  return parts.map((part) => {
    const scanner = new LogScanner('dns.log')
    scanner.push(Buffer.from(part))
    scanner.end()
    return unpackState(scanner.state())
  })
}

const query = (name: string, client: string): string =>
  `Dec  4 10:00:00 dnsmasq[1]: query[A] ${name} from ${client}\n` +
  `Dec  4 10:00:01 dnsmasq[1]: reply ${name} is 192.0.2.1\n`

describe('merging scan states', () => {
  it('should give the same observations whichever slice arrives first', () => {
    // 40 clients: each part numbers them in its own order, some past the 32 kept as bits.
    const clients = Array.from({length: 40}, (_, index) => `10.0.${index}.1`)
    const parts = [clients, [...clients].reverse()].map((order) =>
      order.map((client, index) => query(`n${index % 3}.example`, client)).join(''),
    )
    const lines = [0, parts[0]?.split('\n').length ?? 0].map((count) => Math.max(0, count - 1))
    const merged = (order: number[]): ReturnType<typeof scanObservations> => {
      const states = statesOf(parts)
      const merger = new StateMerger()
      for (const slice of order) merger.add(states[slice] as ScanState, slice)
      return scanObservations(merger.result(lines), 'dns.log')
    }
    const forward = merged([0, 1])
    expect(merged([1, 0])).toEqual(forward)
    const names = new Map(forward)
    // n0 has the same 14 clients in both parts; n2 has 13 in each, all different.
    expect(names.get('n0.example')?.clients).toHaveLength(14)
    const n2 = names.get('n2.example')?.clients ?? []
    expect(n2).toHaveLength(26)
    expect(n2).toEqual([...new Set(n2)].sort())
    const all = new Set(forward.flatMap(([, observation]) => observation.clients))
    expect([...all].sort()).toEqual([...clients].sort())
  })
})
