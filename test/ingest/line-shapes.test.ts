import {describe, expect, it} from 'vitest'
import {ingestText, plainLog} from '../support/ingest-text.js'

describe('line shapes', () => {
  it('should read a plain log-facility query, forward and reply', async () => {
    const {document, summary} = await ingestText(
      plainLog(
        'query[A] example.com from 10.0.0.1',
        'forwarded example.com to 127.0.0.2',
        'reply example.com is 192.0.2.1',
      ),
    )
    expect(document.names['example.com']).toEqual({
      queries: {A: 1},
      outcomes: {A: {address: 1}},
      addresses: {v4: ['192.0.2.1'], v6: []},
      cnameTo: [],
      cnameFrom: [],
      clients: ['10.0.0.1'],
      firstSeen: '--12-04T10:00:00',
      lastSeen: '--12-04T10:00:00',
      places: [{file: summary.sources[0]?.file, line: 1}],
      rawNames: ['example.com'],
      runs: 1,
    })
    expect(summary).toMatchObject({lines: 3, queries: 1, names: 1, unparsed: 0})
    expect(summary.sources[0]?.shape).toBe('plain')
  })

  it('should read rsyslog lines with a host and journald lines with a year', async () => {
    const syslog = await ingestText(
      'Dec 14 09:08:07 box dnsmasq[7]: query[AAAA] a.example from 10.0.0.1\n',
    )
    expect(syslog.document.names['a.example']?.firstSeen).toBe('--12-14T09:08:07')
    expect(syslog.summary.sources[0]?.shape).toBe('syslog')
    const journald = await ingestText(
      '2026-03-01T23:59:59.123456+01:00 box dnsmasq[7]: query[AAAA] a.example from 10.0.0.1\n',
    )
    expect(journald.document.names['a.example']?.firstSeen).toBe('--03-01T23:59:59')
    expect(journald.summary.sources[0]?.shape).toBe('journald')
  })

  it('should pair log-queries=extra answers by serial, not by order', async () => {
    const {document, summary} = await ingestText(
      plainLog(
        '1 10.0.0.1/5000 query[A] a.example from 10.0.0.1',
        '2 10.0.0.2/5001 query[A] a.example from 10.0.0.2',
        '2 10.0.0.2/5001 reply a.example is NXDOMAIN',
        '1 10.0.0.1/5000 reply a.example is 192.0.2.1',
      ),
    )
    expect(document.names['a.example']?.outcomes).toEqual({A: {address: 1, nxdomain: 1}})
    expect(summary.sources[0]?.shape).toBe('extra')
  })

  it('should count only lines tagged by dnsmasq in syslog files', async () => {
    const {document, summary} = await ingestText(
      [
        'Dec  4 10:00:00 box sshd[77]: Invalid user query[A] x.com from 10.0.0.1',
        'Dec  4 10:00:00 box app[9]: dnsmasq[1]: query[A] y.com from 10.0.0.1',
        'Dec  4 10:00:00 box dnsmasq-dhcp[5]: DHCPACK(br0) 10.0.0.9 00:16:3e:00:00:01 builder',
        'Dec  4 10:00:00 box dnsmasq[5]: query[A] z.com from 10.0.0.1',
        '',
      ].join('\n'),
    )
    expect(Object.keys(document.names)).toEqual(['z.com'])
    expect(summary).toMatchObject({foreign: 2, unparsed: 0, queries: 1})
  })

  it('should take each time from its own line, also after a line of another program', async () => {
    const {document} = await ingestText(
      [
        'Dec  4 10:00:00 box dnsmasq[1]: query[A] a.example from 10.0.0.1',
        'Dec 24 23:59:59 box sshd[1]: Accepted publickey for root',
        'Dec  4 10:00:00 box dnsmasq[1]: reply a.example is 192.0.2.1',
        '',
      ].join('\n'),
    )
    expect(document.names['a.example']).toMatchObject({
      firstSeen: '--12-04T10:00:00',
      lastSeen: '--12-04T10:00:00',
      outcomes: {A: {address: 1}},
    })
  })

  it('should follow a CNAME chain and give its members the asking type', async () => {
    const {document} = await ingestText(
      plainLog(
        'query[AAAA] www.example.com from 10.0.0.1',
        'reply www.example.com is <CNAME>',
        'reply edge.example.net is <CNAME>',
        'reply host.cdn.example is 2001:db8::1',
        'reply host.cdn.example is 2001:db8::2',
      ),
    )
    expect(document.names['www.example.com']).toMatchObject({
      cnameTo: ['edge.example.net'],
      outcomes: {AAAA: {cname: 1}},
    })
    expect(document.names['edge.example.net']).toMatchObject({
      queries: {},
      cnameFrom: ['www.example.com'],
      cnameTo: ['host.cdn.example'],
      outcomes: {AAAA: {cname: 1}},
      clients: [],
    })
    expect(document.names['host.cdn.example']).toMatchObject({
      cnameFrom: ['edge.example.net'],
      outcomes: {AAAA: {address: 1}},
      addresses: {v4: [], v6: ['2001:db8::1', '2001:db8::2']},
    })
  })

  it('should record local answers as config, hosts and dhcp', async () => {
    const {document} = await ingestText(
      plainLog(
        'query[A] gw.lxd from 10.0.0.1',
        'config gw.lxd is 10.0.0.254',
        'query[A] cache from 10.0.0.1',
        '/etc/hosts.extra cache is 10.0.0.3',
        'query[A] builder.lxd from 10.0.0.1',
        'DHCP builder.lxd is 10.0.0.9',
        'query[PTR] 3.0.0.10.in-addr.arpa from 10.0.0.1',
        '/etc/hosts.extra 10.0.0.3 is cache',
      ),
    )
    expect(document.names['gw.lxd']?.outcomes).toEqual({A: {config: 1}})
    expect(document.names['cache']?.outcomes).toEqual({A: {hosts: 1}})
    expect(document.names['builder.lxd']?.outcomes).toEqual({A: {dhcp: 1}})
    expect(document.names['3.0.0.10.in-addr.arpa']?.outcomes).toEqual({PTR: {hosts: 1}})
  })

  it('should mark REFUSED, NODATA, NXDOMAIN and never-answered queries', async () => {
    const {document} = await ingestText(
      plainLog(
        'query[A] refused.example from 10.0.0.1',
        'forwarded refused.example to 127.0.0.2',
        'reply error is REFUSED',
        'query[AAAA] v4only.example from 10.0.0.1',
        'reply v4only.example is NODATA-IPv6',
        'query[A] gone.example from 10.0.0.1',
        'reply gone.example is NXDOMAIN',
        'query[HTTPS] silent.example from 10.0.0.1',
        'forwarded silent.example to 127.0.0.2',
      ),
    )
    expect(document.names['refused.example']?.outcomes).toEqual({A: {refused: 1}})
    expect(document.names['v4only.example']?.outcomes).toEqual({AAAA: {nodata: 1}})
    expect(document.names['gone.example']?.outcomes).toEqual({A: {nxdomain: 1}})
    expect(document.names['silent.example']?.outcomes).toEqual({HTTPS: {unanswered: 1}})
  })

  it('should key names lowercased, without the trailing dot, in punycode, keeping raw spellings', async () => {
    const {document} = await ingestText(
      plainLog(
        'query[A] WWW.Example.COM. from 10.0.0.1',
        'query[A] www.example.com from 10.0.0.1',
        'query[A] Bücher.example from 10.0.0.1',
        'query[A] 0x7f.1 from 10.0.0.1',
        'query[A] a"b;c d*.example from 10.0.0.1',
      ),
    )
    expect(Object.keys(document.names)).toEqual([
      '0x7f.1',
      'a"b;c d*.example',
      'www.example.com',
      'xn--bcher-kva.example',
    ])
    expect(document.names['www.example.com']?.rawNames).toEqual([
      'WWW.Example.COM.',
      'www.example.com',
    ])
    expect(document.names['xn--bcher-kva.example']?.rawNames).toEqual(['Bücher.example'])
  })

  it('should resynchronise after NUL bytes, invalid UTF-8 and a truncated last line', async () => {
    const {document, summary} = await ingestText(
      Buffer.concat([
        Buffer.from(
          '\u0000\u0000garbage Dec  4 10:00:00 dnsmasq[1]: query[A] hidden.example from 10.0.0.1\n',
        ),
        Buffer.from([0xff, 0xfe, 0x0a]),
        Buffer.from(plainLog('query[A] ok.example from 10.0.0.1')),
        Buffer.from('Dec  4 10:00:00 dnsmasq[1]: query[A] cut.exa'),
      ]),
    )
    expect(Object.keys(document.names)).toEqual(['ok.example'])
    expect(summary.unparsed).toBe(3)
    expect(summary.unparsedSamples.map((sample) => [sample.line, sample.text])).toEqual([
      [1, '\\x00\\x00garbage Dec  4 10:00:00 dnsmasq[1]: query[A] hidden.example from 10.0.0.1'],
      [2, '\uFFFD\uFFFD'],
      [4, 'Dec  4 10:00:00 dnsmasq[1]: query[A] cut.exa'],
    ])
  })

  it('should report a line longer than the scanner holds as one unparsed line, then go on', async () => {
    const long = `Dec  4 10:00:00 dnsmasq[1]: query[A] ${'x'.repeat(9 << 20)} from 10.0.0.1\n`
    const {document, summary} = await ingestText(
      plainLog('query[A] before.example from 10.0.0.1') +
        long +
        plainLog('query[A] after.example from 10.0.0.1'),
    )
    expect(Object.keys(document.names).sort()).toEqual(['after.example', 'before.example'])
    expect(document.names['after.example']?.places[0]?.line).toBe(3)
    expect(summary).toMatchObject({lines: 3, unparsed: 1})
    expect(summary.unparsedSamples[0]?.line).toBe(2)
    expect(summary.unparsedSamples[0]?.text).toBe(long.slice(0, 200))
  })

  it('should keep known noise out of the unparsed count', async () => {
    const {summary} = await ingestText(
      plainLog(
        'started, version 2.90 cachesize 150',
        'dnssec-query[DS] example.com to 127.0.0.2',
        'validation example.com is BOGUS',
        'overflow: 3 log entries lost',
        'reply query is duplicate',
        'exiting on receipt of SIGTERM',
      ),
    )
    expect(summary.unparsed).toBe(0)
  })

  it('should count only the mapped clients and record them under their names', async () => {
    const {document, summary} = await ingestText(
      plainLog(
        'query[A] mine.example from 10.0.0.5',
        'reply mine.example is 192.0.2.1',
        'query[A] theirs.example from 10.0.0.6',
        'reply theirs.example is <CNAME>',
        'reply theirs.cdn.example is 192.0.2.2',
      ),
      {clients: new Map([['10.0.0.5', 'builder']])},
    )
    expect(Object.keys(document.names)).toEqual(['mine.example'])
    expect(document.names['mine.example']?.clients).toEqual(['builder'])
    expect(summary.queries).toBe(1)
  })

  it('should report progress with bytes and lines', async () => {
    const reports: Array<{bytes: number; totalBytes: number | undefined; lines: number}> = []
    const log = plainLog('query[A] a.example from 10.0.0.1')
    await ingestText(log, {onProgress: (progress) => reports.push(progress)})
    expect(reports.at(-1)).toEqual({bytes: log.length, totalBytes: log.length, lines: 1})
  })
})
