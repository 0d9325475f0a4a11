import {describe, expect, it} from 'vitest'
import {ingestText, plainLog} from '../support/ingest-text.js'

describe('pairing answers with queries', () => {
  it('should count each outcome once per query and name, however long the CNAME chain', async () => {
    // Six links: the query's own name, then more chain members than a query keeps inline.
    const chain = ['a', 'b', 'c', 'd', 'e', 'f'].map((label) => `${label}.example`)
    const answers = (): string[] => [
      ...chain.slice(0, -1).map((name) => `reply ${name} is <CNAME>`),
      'reply f.example is 192.0.2.1',
      'reply f.example is 192.0.2.2',
    ]
    const {document} = await ingestText(
      plainLog(
        'query[A] a.example from 10.0.0.1',
        ...answers(),
        'query[A] a.example from 10.0.0.1',
        ...answers(),
      ),
    )
    for (const name of chain.slice(1, -1)) {
      expect(document.names[name]?.outcomes).toEqual({A: {cname: 2}})
    }
    expect(document.names['a.example']?.outcomes).toEqual({A: {cname: 2}})
    expect(document.names['f.example']?.outcomes).toEqual({A: {address: 2}})
    expect(document.names['f.example']?.cnameFrom).toEqual(['e.example'])
  })

  it('should count chain members afresh for a query whose record was reused', async () => {
    // 15,000 lines: past several sweeps, so settled queries' records are reused.
    const rounds = 5000
    const {document} = await ingestText(
      plainLog(
        ...Array.from({length: rounds}, (_, round) => [
          `query[A] alias${round % 7}.example from 10.0.0.1`,
          `reply alias${round % 7}.example is <CNAME>`,
          'reply target.example is 192.0.2.1',
        ]).flat(),
      ),
    )
    expect(document.names['target.example']?.outcomes).toEqual({A: {address: rounds}})
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
