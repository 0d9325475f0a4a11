import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {quoteMermaid} from '../../src/report/cname-mermaid.js'
import {renderReport} from '../../src/report/index.js'
import {allowListOf} from '../support/allow-list.js'
import {requireProgram} from '../support/programs.js'
import {cnameChain, reportSample} from '../support/report-sample.js'

const HOSTILE = [
  'a"];evil[label="x.bad-host.net',
  'back\\slash\\N.bad-host.net',
  'a -> b; c.bad-host.net',
  '}"-->x.bad-host.net',
  'new\nline.bad-host.net',
]

describe('renderReport dot', () => {
  it('should give Graphviz a graph it accepts, one node per name', async () => {
    const {tree, allowList} = reportSample()
    const dot = await renderReport(tree, allowList, {format: 'dot'})
    expect(dot).toContain('n0 [label="cdn.jsdelivr.net", color="#1a7f37", tooltip="kept"];')
    expect(dot).toContain('  n0 -> n1;\n')
    const result = spawnSync(requireProgram('dot', 'graphviz'), ['-Tplain'], {
      input: dot,
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout.split('\n').filter((line) => line.startsWith('node '))).toHaveLength(4)
    expect(result.stdout.split('\n').filter((line) => line.startsWith('edge '))).toHaveLength(2)
  })

  it('should keep hostile names inside their labels, exactly as logged', async () => {
    const {tree, names} = cnameChain(HOSTILE)
    const dot = await renderReport(tree, allowListOf([]), {format: 'dot'})
    const result = spawnSync(requireProgram('dot', 'graphviz'), ['-Tjson0'], {
      input: dot,
      encoding: 'utf8',
    })
    expect(result.status).toBe(0)
    const graph = JSON.parse(result.stdout) as {objects: Array<{label: string}>; edges: unknown[]}
    // Graphviz reads back each label as the name (newline shown as `?`), nothing more.
    expect(graph.objects.map((node) => node.label).sort()).toEqual(
      names.map((name) => name.replace(/\\/g, '\\\\').replace(/\n/g, '?')).sort(),
    )
    expect(graph.edges).toHaveLength(names.length - 1)
  })
})

describe('renderReport mermaid', () => {
  it('should draw the chains as a left-to-right flowchart with a class per status', async () => {
    const {tree, allowList} = reportSample()
    const mermaid = await renderReport(tree, allowList, {format: 'mermaid'})
    const body = mermaid.split('\n').filter((line) => !line.startsWith('%%'))
    expect(body).toEqual([
      'flowchart LR',
      '  n0["cdn.jsdelivr.net"]:::kept',
      '  n1["jsdelivr.map.fastly.net"]:::dropped',
      '  n2["unpkg.com"]:::kept',
      '  n3["www.unpkg.com"]:::kept',
      '  n0 --> n1',
      '  n3 --> n2',
      '  classDef kept stroke:#1a7f37,stroke-width:2px',
      '  classDef dropped stroke:#cf222e,stroke-width:2px',
      '  classDef undecided stroke:#6e7781,stroke-width:2px',
      '',
    ])
  })

  it('should encode every character that could end a label or start markup', async () => {
    expect(quoteMermaid('a"<b>&c.d')).toBe('"a#34;#60;b#62;#38;c.d"')
    const {tree} = cnameChain(HOSTILE)
    const mermaid = await renderReport(tree, allowListOf([]), {format: 'mermaid'})
    for (const line of mermaid.split('\n').filter((text) => /^ {2}n\d+\[/.test(text))) {
      expect(line).toMatch(/^ {2}n\d+\["[A-Za-z0-9._#;-]*"\]:::[a-z]+$/)
    }
    expect(mermaid.split('\n').filter((line) => line.includes('-->'))).toHaveLength(
      HOSTILE.length + 1,
    )
  })
})
