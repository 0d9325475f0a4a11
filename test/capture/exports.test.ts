import {describe, expect, it} from 'vitest'

describe('public API of capture and verify', () => {
  it('should export the capture, verify and cleanup entry points and the LXD client', async () => {
    const exported = Object.keys(await import('../../src/index.js'))
    expect(exported).toEqual(
      expect.arrayContaining([
        'LxcCli',
        'LxcError',
        'captureGraph',
        'captureRuns',
        'cleanupLeftovers',
        'runSession',
        'verifyList',
      ]),
    )
    expect(Object.keys(await import('../../src/capture/index.js')).sort()).toEqual([
      'LxcCli',
      'LxcError',
      'captureGraph',
      'captureRawDnsmasq',
      'captureRuns',
      'cleanupLeftovers',
      'clientNames',
      'parsePush',
      'runSession',
      'verifyList',
    ])
  })
})
