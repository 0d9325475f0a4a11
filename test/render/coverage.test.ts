import {describe, expect, it} from 'vitest'
import {parentDomains, uncoveredEntries} from '../../src/render/coverage.js'
import {entry} from '../support/allow-list.js'

const names = (entries: ReturnType<typeof entry>[]) =>
  entries.map((item) => (item.includesSubdomains ? `.${item.name}` : item.name))

describe('uncoveredEntries', () => {
  it('should drop names under a domain that includes its subdomains, and duplicates', () => {
    const entries = [
      entry('a.example.com'),
      entry('b.a.example.com', {includesSubdomains: true}),
      entry('example.com'),
      entry('example.com', {includesSubdomains: true}),
      entry('notexample.com'),
      entry('x.org'),
      entry('y.x.org'),
      entry('y.x.org'),
    ]
    expect(names(uncoveredEntries(entries))).toEqual([
      '.example.com',
      'notexample.com',
      'x.org',
      'y.x.org',
    ])
  })

  it('should let every entry cover its subdomains when the consumer cannot be exact', () => {
    const entries = [entry('x.org'), entry('y.x.org'), entry('z.org', {includesSubdomains: true})]
    expect(names(uncoveredEntries(entries, {everyEntryCoversSubdomains: true}))).toEqual([
      'x.org',
      '.z.org',
    ])
  })

  it('should let a domain cover one label only when the consumer wildcard matches one', () => {
    const entries = [
      entry('x.org', {includesSubdomains: true}),
      entry('a.x.org'),
      entry('b.a.x.org'),
    ]
    expect(names(uncoveredEntries(entries, {subdomainDepth: 'one'}))).toEqual([
      '.x.org',
      'b.a.x.org',
    ])
  })
})

describe('parentDomains', () => {
  it('should list the proper parents nearest first', () => {
    expect(parentDomains('a.b.c')).toEqual(['b.c', 'c'])
    expect(parentDomains('localhost')).toEqual([])
  })
})
