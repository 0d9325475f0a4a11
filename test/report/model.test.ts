import {describe, expect, it} from 'vitest'
import {buildReportModel} from '../../src/report/model.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {decide, kept} from '../support/decisions.js'
import {buildGraph} from '../support/graph.js'
import {ANGLE_NAME, reportSample} from '../support/report-sample.js'

describe('buildReportModel', () => {
  it('should group entries by registrable domain, keeping private-suffix names apart', () => {
    const {tree, allowList} = reportSample()
    const model = buildReportModel(tree, allowList)
    expect(model.allowed.map((group) => group.domain)).toEqual([
      'jsdelivr.net',
      'npmjs.org',
      'unpkg.com',
      'user.gitlab.io',
    ])
    const unpkg = model.allowed.find((group) => group.domain === 'unpkg.com')
    expect(unpkg?.items.map((block) => block.names.map((row) => row.name))).toEqual([
      ['unpkg.com', 'www.unpkg.com'],
    ])
  })

  it('should list dropped names grouped by domain with their rule', () => {
    const {tree, allowList} = reportSample()
    const model = buildReportModel(tree, allowList)
    const badHost = model.others.find((group) => group.domain === 'bad-host.net')
    expect(badHost?.items.map((row) => row.name)).toContain(ANGLE_NAME)
    const lxd = model.others
      .flatMap((group) => group.items)
      .find((row) => row.name === 'ftp.debian.org.lxd')
    expect(lxd).toMatchObject({
      status: 'dropped',
      decision: {kept: false, ruleId: 'local-suffix'},
      firstPlace: 'dns.log:70',
      outcomes: [{outcome: 'config', count: 1}],
    })
  })

  it('should count names, entries, clients and CNAME links', () => {
    const {tree, allowList} = reportSample()
    expect(buildReportModel(tree, allowList).counts).toEqual({
      observed: 12,
      kept: 5,
      dropped: 7,
      undecided: 0,
      entries: 4,
      domains: 4,
      clients: 2,
      cnameLinks: 2,
    })
  })

  it('should sum types and outcomes per name, most frequent outcome first', () => {
    const {tree, allowList} = reportSample()
    const row = buildReportModel(tree, allowList)
      .allowed.flatMap((group) => group.items)
      .flatMap((block) => block.names)
      .find((name) => name.name === 'unpkg.com')
    expect(row).toMatchObject({
      types: [
        {type: 'A', count: 2},
        {type: 'AAAA', count: 1},
      ],
      queries: 3,
      outcomes: [
        {outcome: 'address', count: 2},
        {outcome: 'nodata', count: 1},
      ],
      inCnameChain: true,
    })
  })

  it('should place a kept name under the entry its decision names even when sources omit it', () => {
    const tree = buildGraph({name: 'example.com'}, {name: 'a.example.com'})
    decide(tree, 'example.com', kept('example.com'))
    decide(tree, 'a.example.com', kept('example.com', 'subsumed', 'Covered by `example.com`'))
    const model = buildReportModel(
      tree,
      allowListOf([entry('example.com', {includesSubdomains: true})]),
    )
    expect(model.allowed[0]?.items[0]?.names.map((row) => row.name)).toEqual([
      'a.example.com',
      'example.com',
    ])
    expect(model.others).toEqual([])
  })

  it('should mark names without a decision as undecided and still draw their CNAME links', () => {
    const tree = buildGraph(
      {name: 'a.example.com', cnameTo: ['b.example.net']},
      {name: 'b.example.net'},
    )
    const model = buildReportModel(tree, allowListOf([]))
    expect(model.counts.undecided).toBe(2)
    expect(model.cname).toEqual({
      nodes: [
        {name: 'a.example.com', status: 'undecided'},
        {name: 'b.example.net', status: 'undecided'},
      ],
      links: [{from: 'a.example.com', to: 'b.example.net'}],
    })
  })

  it('should give an entry source the graph never observed a row of its own', () => {
    const model = buildReportModel(buildGraph(), allowListOf([entry('example.org')]))
    expect(model.allowed[0]?.items[0]?.names).toMatchObject([
      {name: 'example.org', status: 'undecided', queries: 0},
    ])
  })
})
