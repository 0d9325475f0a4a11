import {describe, expect, it} from 'vitest'
import {Cleanup} from '../../src/capture/cleanup.js'

describe('Cleanup', () => {
  it('should undo newest first, go on after a failure, and run each step once', async () => {
    const order: string[] = []
    const cleanup = new Cleanup()
    cleanup.add('log', async () => void order.push('log'))
    cleanup.add('network n', async () => {
      throw new Error('busy')
    })
    cleanup.add('instance i', async () => void order.push('instance'))
    expect(await cleanup.run()).toEqual({
      done: ['instance i', 'log'],
      failed: [{step: 'network n', reason: 'busy'}],
    })
    expect(order).toEqual(['instance', 'log'])
    expect(await cleanup.run()).toEqual({done: [], failed: []})
  })

  it('should hand back the steps it discards in the order they would have run', () => {
    const cleanup = new Cleanup()
    cleanup.add('log', async () => {})
    cleanup.add('network n', async () => {})
    expect(cleanup.discard()).toEqual(['network n', 'log'])
    expect(cleanup.discard()).toEqual([])
  })
})
