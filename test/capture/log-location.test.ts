import {existsSync, statSync} from 'node:fs'
import {dirname} from 'node:path'
import {describe, expect, it} from 'vitest'
import {prepareLogFile, removeCaptureLog, SNAP_PRIVATE_TMP} from '../../src/capture/log-location.js'

describe('prepareLogFile', () => {
  it('should give a native dnsmasq (running as nobody) a file it can append to and we can read', async () => {
    const log = await prepareLogFile('native')
    try {
      expect(log.readable).toBe(log.configured)
      expect(statSync(log.configured).mode & 0o777).toBe(0o666)
      expect(statSync(dirname(log.configured)).mode & 0o777).toBe(0o711)
      expect(await removeCaptureLog(`quiet-dhcp\nlog-facility=${log.configured}\n`)).toBe(
        dirname(log.configured),
      )
      expect(existsSync(dirname(log.configured))).toBe(false)
    } finally {
      await log.remove()
    }
  })

  it("should read a snap dnsmasq's log through the snap's private /tmp", async () => {
    const log = await prepareLogFile('snap')
    expect(log.configured).toMatch(/^\/tmp\/allowlist-[0-9a-f]{12}\.log$/)
    expect(log.readable).toBe(`${SNAP_PRIVATE_TMP}${log.configured.slice('/tmp'.length)}`)
    expect(await removeCaptureLog(`log-facility=${log.configured}\n`)).toBe(log.readable)
  })
})
