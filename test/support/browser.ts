/**
 * Headless Chromium for tests that must see a page as a browser does. It runs Debian's
 * `chromium` (a missing browser fails the test, like every other program), with a fresh
 * profile, no GPU, no QUIC and no background networking, so a test page is the only traffic.
 * `useReportPage` opens a written report once per test block.
 */
import {mkdir, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, expect} from 'vitest'
import {requireProgram} from './programs.js'
import {useTempDir} from './temp-dir.js'

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

/** A page opened from disk, with what it tried to do while loading and running. */
export interface WatchedPage {
  page: Page
  /** Every URL the page requested, the file itself included. */
  requests: string[]
  /** Console errors and warnings, and uncaught exceptions. */
  problems: string[]
  /** Content-Security-Policy violations (`directive blockedURI`). */
  violations(): Promise<string[]>
}

/**
 * Open `file` in a new page that may load nothing but `file:` URLs, and record requests, console
 * problems and CSP violations.
 */
export async function openFile(browser: Browser, file: string): Promise<WatchedPage> {
  const page = await browser.context.newPage()
  const requests: string[] = []
  const problems: string[] = []
  await page.route('**/*', async (route) => {
    requests.push(route.request().url())
    if (route.request().url().startsWith('file:')) await route.continue()
    else await route.abort()
  })
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  // Page-side code as text: the tests compile without the DOM library.
  await page.addInitScript({
    content: `window.violations = []
      document.addEventListener('securitypolicyviolation', (event) => {
        window.violations.push(event.violatedDirective + ' ' + event.blockedURI)
      })`,
  })
  await page.goto(pathToFileURL(file).href)
  return {
    page,
    requests,
    problems,
    violations: () => page.evaluate('window.violations') as Promise<string[]>,
  }
}

/** Save a full-page screenshot under `test-results/` (kept as a CI artefact). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir('test-results', {recursive: true})
  const path = join('test-results', name)
  await page.screenshot({path, fullPage: true})
  return path
}

/** What `useReportPage` gives a test: the page of the opened report, valid inside tests. */
export interface ReportPage {
  readonly page: Page
  readonly watched: WatchedPage
}

/**
 * Register hooks that write a report into a temporary directory, open it in headless Chromium
 * once for the block, save a screenshot, and close and remove everything afterwards.
 *
 * @param writeReport Writes the report to the path it is given.
 * @param screenshot File name under `test-results/`.
 * @returns Getters for the page and what it did while loading.
 */
export function useReportPage(
  writeReport: (file: string) => Promise<void> | void,
  screenshot: string,
): ReportPage {
  const directory = useTempDir('allowlist-report-', {per: 'file'})
  let browser: Browser | undefined
  let watched: WatchedPage | undefined
  beforeAll(async () => {
    const file = join(directory.path, 'report.html')
    await writeReport(file)
    browser = await launchChromium()
    watched = await openFile(browser, file)
    await saveScreenshot(watched.page, screenshot)
  })
  afterAll(async () => browser?.close())
  const opened = (): WatchedPage => {
    if (watched === undefined) throw new Error('useReportPage: the report is not open')
    return watched
  }
  return {
    get page() {
      return opened().page
    },
    get watched() {
      return opened()
    },
  }
}

/**
 * Assert that the report page loaded from its file (`report.html`) alone: no other request, no console problem, no CSP
 * violation.
 */
export async function expectLoadedAlone(watched: WatchedPage): Promise<void> {
  expect(watched.requests).toHaveLength(1)
  expect(watched.requests[0]).toMatch(/^file:.*\/report\.html$/)
  expect(watched.problems).toEqual([])
  expect(await watched.violations()).toEqual([])
}
