import {describe, expect, it} from 'vitest'
import {NO_QUERY, QueryTable} from '../../src/ingest/query-table.js'
import {ingestText, plainLog} from '../support/ingest-text.js'

describe('query table', () => {
  it('should reuse a handle only once it is settled and nothing holds it', () => {
    const table = new QueryTable()
    const settled = table.create(1, 0, true, 0, 10)
    const held = table.create(2, 0, true, 1, 11)
    const waiting = table.create(3, 0, true, 2, 12)
    table.markDone(settled)
    table.markDone(held)
    table.collect((mark) => mark(held))
    const reused = table.create(4, 1, false, -1, 13)
    expect(reused).toBe(settled)
    expect([table.keyId(reused), table.typeId(reused), table.isCounted(reused)]).toEqual([
      4,
      1,
      false,
    ])
    expect(table.isDone(reused)).toBe(false)
    expect([table.keyId(held), table.keyId(waiting)]).toEqual([2, 3])
    expect(table.create(5, 0, true, 3, 14)).not.toBe(held)
  })

  it('should count an outcome once per query and name', () => {
    const table = new QueryTable()
    const query = table.create(7, 0, true, 0, 1)
    expect(table.recordOnce(query, 7, 0)).toBe(true)
    expect(table.recordOnce(query, 7, 0)).toBe(false)
    expect(table.recordOnce(query, 8, 0)).toBe(true)
    expect(table.recordOnce(query, 8, 0)).toBe(false)
    expect(table.recordOnce(query, 8, 1)).toBe(true)
    expect(table.next(query)).toBe(NO_QUERY)
  })

  it('should keep the query a run of answers belongs to, while other queries come and go', async () => {
    // Process 100's answers run on for longer than the pending window, between thousands of
    // queries of process 200 that are created, swept and whose handles are reused.
    const other = (run: number): string =>
      Array.from(
        {length: 100},
        (_, index) =>
          `Dec  4 10:00:01 dnsmasq[200]: query[A] f${run}-${index}.example from 10.0.0.2\n` +
          `Dec  4 10:00:01 dnsmasq[200]: reply f${run}-${index}.example is 192.0.2.9\n`,
      ).join('')
    const answers = Array.from(
      {length: 60},
      (_, run) => other(run) + plainLog(`reply edge.example.net is 2001:db8::${run + 1}`),
    ).join('')
    const {document} = await ingestText(
      plainLog('query[AAAA] www.example.com from 10.0.0.1', 'reply www.example.com is <CNAME>') +
        answers,
    )
    const edge = document.names['edge.example.net']
    expect(edge?.outcomes).toEqual({AAAA: {address: 1}})
    expect(edge?.cnameFrom).toEqual(['www.example.com'])
    expect(edge?.addresses.v6).toHaveLength(60)
    expect(document.names['www.example.com']?.outcomes).toEqual({AAAA: {cname: 1}})
    expect(document.names['f59-99.example']?.outcomes).toEqual({A: {address: 1}})
  })
})
