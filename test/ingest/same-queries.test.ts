/**
 * One capture in every shape dnsmasq logs reach us in must give one graph: plain log-facility,
 * rsyslog with a host, journald, gzip (by content, the file is called dns.log) and stdin.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parseGraph} from '../../src/graph/load-document.js'
import {ingest} from '../../src/ingest/index.js'
import {comparableDocument} from '../support/ingest-fixture.js'

async function graphOf(file: string) {
  return comparableDocument((await ingest([file])).tree)
}

describe('the same queries in every shape', () => {
  it('should give the plain log-facility graph for syslog, journald and gzip', async () => {
    const plain = await graphOf('fixtures/npm-install/dns.log')
    expect(await graphOf('fixtures/npm-install-syslog/dns.log')).toEqual(plain)
    expect(await graphOf('fixtures/npm-install-journald/dns.log')).toEqual(plain)
    expect(await graphOf('fixtures/npm-install-gzip/dns.log')).toEqual(plain)
  })

  it('should give the same graph for log-queries=extra in a journal', async () => {
    expect(await graphOf('fixtures/apt-extra-journald/dns.log')).toEqual(
      await graphOf('fixtures/apt-extra/dns.log'),
    )
  })

  it('should give the same graph and counts when the log comes on stdin', async () => {
    const child = spawnSync('node', ['bin/run.js', 'ingest', '-'], {
      input: readFileSync('fixtures/npm-install-gzip/dns.log'),
      encoding: 'utf8',
    })
    expect(child.status).toBe(0)
    expect(comparableDocument(parseGraph(child.stdout, 'stdout'))).toEqual(
      await graphOf('fixtures/npm-install/dns.log'),
    )
    expect(child.stderr).toContain('112 lines, 31 queries, 18 names')
  })

  it('should report the same summary counts for every shape', async () => {
    for (const file of [
      'fixtures/npm-install/dns.log',
      'fixtures/npm-install-syslog/dns.log',
      'fixtures/npm-install-journald/dns.log',
      'fixtures/npm-install-gzip/dns.log',
    ]) {
      const {summary} = await ingest([file])
      expect({
        file,
        ...summary,
        sources: undefined,
        unparsedSamples: undefined,
        foreign: undefined,
      }).toEqual({
        file,
        lines: 112,
        queries: 31,
        names: 18,
        unparsed: 0,
      })
    }
  })
})
