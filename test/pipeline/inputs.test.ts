import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {AllowList} from '../../src/graph/entry.js'
import {classifyInput, readInputsAsAllowLists} from '../../src/pipeline/inputs.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {useTempDir} from '../support/temp-dir.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))

describe('inputs of diff and check', () => {
  const files = useTempDir('allowlist-inputs-', {per: 'file'})

  it('should tell logs, gzip logs, graphs and list files apart by content', async () => {
    const graph = join(FIXTURES, 'npm-install/expected.graph.json')
    const json = await files.write(
      'list.json',
      '{"schema": "allowlist-list/1", "meta": {}, "entries": []}',
    )
    const plain = await files.write('list.txt', '.example.com\n')
    expect(await classifyInput(join(FIXTURES, 'npm-install/dns.log'))).toBe('log')
    expect(await classifyInput(join(FIXTURES, 'npm-install-gzip/dns.log'))).toBe('log')
    expect(await classifyInput(join(FIXTURES, 'npm-install-journald/dns.log'))).toBe('log')
    expect(await classifyInput(join(FIXTURES, 'npm-install-syslog/dns.log'))).toBe('log')
    expect(await classifyInput(join(FIXTURES, 'apt-extra/dns.log'))).toBe('log')
    expect(await classifyInput(graph)).toBe('graph')
    expect(await classifyInput(json)).toBe('list')
    expect(await classifyInput(plain)).toBe('list')
    expect(await classifyInput('-')).toBe('log')
  })

  it('should name a missing input with the input exit code', async () => {
    await expect(classifyInput(join(files.path, 'missing.log'))).rejects.toMatchObject({
      exit: 'input',
      message: expect.stringContaining('missing.log') as string,
    })
  })

  it('should compile every log and graph in one call and read each list on its own', async () => {
    const plain = await files.write('one.txt', 'a.example\n')
    const calls: string[][] = []
    const compiled = allowListOf([entry('compiled.example')])
    const lists = await readInputsAsAllowLists(
      [
        join(FIXTURES, 'npm-install/dns.log'),
        plain,
        join(FIXTURES, 'pip-install/expected.graph.json'),
      ],
      {
        compileObserved: async (inputs): Promise<AllowList> => {
          calls.push(inputs)
          return compiled
        },
      },
    )
    expect(calls).toEqual([
      [join(FIXTURES, 'npm-install/dns.log'), join(FIXTURES, 'pip-install/expected.graph.json')],
    ])
    expect(lists.map((list) => list.entries.map((item) => item.name))).toEqual([
      ['a.example'],
      ['compiled.example'],
    ])
  })
})
