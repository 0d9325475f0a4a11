/**
 * The report as a browser sees it: headless Chromium loads the file from disk and the test reads
 * the DOM, types into the filter box and keeps a screenshot in `test-results/report-sample.png`.
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeFileAtomic} from '../../src/fs/write-atomic.js'
import {renderReport} from '../../src/report/index.js'
import {
  launchChromium,
  openFile,
  saveScreenshot,
  type Browser,
  type WatchedPage,
} from '../support/browser.js'
import {
  AMPERSAND_NAME,
  ANGLE_NAME,
  IMAGE_NAME,
  SCRIPT_NAME,
  reportSample,
} from '../support/report-sample.js'

describe('report in headless Chromium', () => {
  let browser: Browser
  let directory: string
  let page: Page
  let watched: WatchedPage

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-report-'))
    const file = join(directory, 'report.html')
    const {tree, allowList} = reportSample()
    await writeFileAtomic(file, await renderReport(tree, allowList))
    browser = await launchChromium()
    watched = await openFile(browser, file)
    page = watched.page
    await saveScreenshot(page, 'report-sample.png')
  })

  afterAll(async () => {
    await browser?.close()
    await rm(directory, {recursive: true, force: true})
  })

  /** Text of the first cell of every visible name row, in page order. */
  async function visibleNames(): Promise<string[]> {
    return page.locator('tr.name:visible td:first-child code').allTextContents()
  }

  it('should load from disk alone, with no other request and no CSP violation', async () => {
    expect(watched.requests).toHaveLength(1)
    expect(watched.requests[0]).toMatch(/^file:.*report\.html$/)
    expect(watched.problems).toEqual([])
    expect(await watched.violations()).toEqual([])
  })

  it('should show every entry and the names behind it with their rule', async () => {
    expect(await page.locator('#allow-list thead th').allTextContents()).toEqual([
      'Name',
      'Types',
      'Queries',
      'Clients',
      'Outcome',
      'Rule',
      'First seen',
    ])
    expect(await page.locator('.entry-name').allTextContents()).toEqual([
      '.jsdelivr.net',
      'registry.npmjs.org',
      '.unpkg.com',
      '.user.gitlab.io',
    ])
    const www = page.locator('#allow-list tr.name', {hasText: 'www.unpkg.com'})
    await expect(www.locator('.rule').textContent()).resolves.toBe('collapse')
    await expect(www.locator('.outcome').textContent()).resolves.toBe('cname 1')
  })

  it('should list dropped names with the rule that dropped them', async () => {
    const row = page.locator('#other-names tr.name', {hasText: 'nonexistent-pkg.yarnpkg.com'})
    await expect(row.locator('.rule').textContent()).resolves.toBe('nxdomain-only')
    await expect(row.locator('.reason').textContent()).resolves.toBe(
      'Unexpected NXDOMAIN-only name, expected a positive answer',
    )
    await expect(row.locator('.place').textContent()).resolves.toBe('dns.log:60')
  })

  it('should show hostile names as text and run none of them', async () => {
    const names = await page.locator('#other-names tr.name td:first-child code').allTextContents()
    for (const hostile of [ANGLE_NAME, AMPERSAND_NAME, SCRIPT_NAME, IMAGE_NAME]) {
      expect(names).toContain(hostile)
    }
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined')
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(1)
  })

  it('should draw the CNAME chains as SVG nodes and links', async () => {
    expect(
      await page
        .locator('svg.cname-graph .node')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-name'))),
    ).toEqual(['cdn.jsdelivr.net', 'jsdelivr.map.fastly.net', 'unpkg.com', 'www.unpkg.com'])
    expect(await page.locator('svg.cname-graph path.link').count()).toBe(2)
    const box = await page.locator('svg.cname-graph').boundingBox()
    expect(box?.width).toBeGreaterThan(100)
  })

  it('should filter rows, entries and groups as the user types, and restore them', async () => {
    const all = await visibleNames()
    expect(all).toHaveLength(12)
    await page.fill('#filter', 'unpkg')
    expect(await visibleNames()).toEqual(['unpkg.com', 'www.unpkg.com'])
    expect(await page.locator('tr.entry:visible .entry-name').allTextContents()).toEqual([
      '.unpkg.com',
    ])
    expect(await page.locator('#other-names tbody.group:visible').count()).toBe(0)
    expect(await page.locator('#filter-count').textContent()).toBe('2 of 12 names')
    expect(await page.locator('svg .node.dim').count()).toBe(2)

    await page.fill('#filter', 'NXDOMAIN-only')
    expect(await visibleNames()).toEqual(['nonexistent-pkg.yarnpkg.com'])

    await page.fill('#filter', '<script>')
    expect(await visibleNames()).toEqual([SCRIPT_NAME])

    await page.fill('#filter', '')
    expect(await visibleNames()).toEqual(all)
    expect(await page.locator('#filter-count').textContent()).toBe('12 names')
  })
})
