import {describe, expect, it} from 'vitest'
import {
  createRoot,
  emptyObservation,
  ensureNode,
  findNode,
  observedNodes,
} from '../../src/graph/tree.js'

describe('namespace tree', () => {
  it('should insert a name label by label under its parents', () => {
    const root = createRoot()
    const node = ensureNode(root, 'a.example.com')
    expect(node.name).toBe('a.example.com')
    expect(root.children.map((child) => child.name)).toEqual(['com'])
    expect(root.children[0]?.children.map((child) => child.name)).toEqual(['example.com'])
    expect(findNode(root, 'example.com')?.children[0]).toBe(node)
  })

  it('should return the same node when a name is inserted twice', () => {
    const root = createRoot()
    expect(ensureNode(root, 'x.org')).toBe(ensureNode(root, 'x.org'))
  })

  it('should keep siblings sorted whatever the insertion order', () => {
    const root = createRoot()
    for (const name of ['c.net', 'a.net', 'b.net', 'a.com']) ensureNode(root, name)
    expect(root.children.map((child) => child.label)).toEqual(['com', 'net'])
    expect(findNode(root, 'net')?.children.map((child) => child.label)).toEqual(['a', 'b', 'c'])
  })

  it('should not find names that were never inserted', () => {
    const root = createRoot()
    ensureNode(root, 'a.example.com')
    expect(findNode(root, 'b.example.com')).toBeUndefined()
    expect(findNode(root, 'example.org')).toBeUndefined()
  })

  it('should walk only observed nodes, in tree order', () => {
    const root = createRoot()
    for (const name of ['z.example.com', 'example.com', 'a.org', 'b.example.com']) {
      ensureNode(root, name).data = {observation: emptyObservation()}
    }
    ensureNode(root, 'unobserved.example.com')
    expect([...observedNodes(root)].map((node) => node.name)).toEqual([
      'example.com',
      'b.example.com',
      'z.example.com',
      'a.org',
    ])
  })
})
