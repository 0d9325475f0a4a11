/**
 * Headless Chromium for tests that must see a page as a browser does. It runs Debian's
 * `chromium` (a missing browser fails the test, like every other program), with a fresh
 * profile, no GPU, no QUIC and no background networking, so a test page is the only traffic.
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'
import {requireProgram} from './programs.js'

export interface Browser {
  context: BrowserContext
  /** Close the browser we started and remove its profile. */
  close(): Promise<void>
}

/** Start headless Chromium with a new temporary profile. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = requireProgram('chromium', 'chromium')
  const profile = await mkdtemp(join(tmpdir(), 'allowlist-chromium-'))
  try {
    // launchPersistentContext passes `--user-data-dir=<profile>` and `--headless` itself.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: {width: 1280, height: 900},
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    return {
      context,
      async close() {
        await context.close()
        await rm(profile, {recursive: true, force: true})
      },
    }
  } catch (error) {
    await rm(profile, {recursive: true, force: true})
    throw error
  }
}
