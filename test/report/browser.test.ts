/**
 * The report as a browser sees it: headless Chromium loads the file from disk and the test reads
 * the DOM, types into the filter box and keeps a screenshot in `test-results/report-sample.png`.
 */
import {describe, expect, it} from 'vitest'
import {writeFileAtomic} from '../../src/fs/write-atomic.js'
import {renderReport} from '../../src/report/index.js'
import {expectLoadedAlone, useReportPage} from '../support/browser.js'
import {
  AMPERSAND_NAME,
  ANGLE_NAME,
  IMAGE_NAME,
  SCRIPT_NAME,
  reportSample,
} from '../support/report-sample.js'

describe('report in headless Chromium', () => {
  const report = useReportPage(async (file) => {
    const {tree, allowList} = reportSample()
    await writeFileAtomic(file, await renderReport(tree, allowList))
  }, 'report-sample.png')

  /** Text of the first cell of every visible name row, in page order. */
  async function visibleNames(): Promise<string[]> {
    return report.page.locator('tr.name:visible td:first-child code').allTextContents()
  }

  it('should load from disk alone, with no other request and no CSP violation', async () => {
    await expectLoadedAlone(report.watched)
  })

  it('should show every entry and the names behind it with their rule', async () => {
    expect(await report.page.locator('#allow-list thead th').allTextContents()).toEqual([
      'Name',
      'Types',
      'Queries',
      'Clients',
      'Outcome',
      'Rule',
      'First seen',
    ])
    expect(await report.page.locator('.entry-name').allTextContents()).toEqual([
      '.jsdelivr.net',
      'registry.npmjs.org',
      '.unpkg.com',
      '.user.gitlab.io',
    ])
    const www = report.page.locator('#allow-list tr.name', {hasText: 'www.unpkg.com'})
    await expect(www.locator('.rule').textContent()).resolves.toBe('collapse')
    await expect(www.locator('.outcome').textContent()).resolves.toBe('cname 1')
  })

  it('should list dropped names with the rule that dropped them', async () => {
    const row = report.page.locator('#other-names tr.name', {
      hasText: 'nonexistent-pkg.yarnpkg.com',
    })
    await expect(row.locator('.rule').textContent()).resolves.toBe('nxdomain-only')
    await expect(row.locator('.reason').textContent()).resolves.toBe(
      'Unexpected NXDOMAIN-only name, expected a positive answer',
    )
    await expect(row.locator('.place').textContent()).resolves.toBe('dns.log:60')
  })

  it('should show hostile names as text and run none of them', async () => {
    const names = await report.page
      .locator('#other-names tr.name td:first-child code')
      .allTextContents()
    for (const hostile of [ANGLE_NAME, AMPERSAND_NAME, SCRIPT_NAME, IMAGE_NAME]) {
      expect(names).toContain(hostile)
    }
    expect(await report.page.evaluate('typeof window.pwned')).toBe('undefined')
    expect(await report.page.locator('img').count()).toBe(0)
    expect(await report.page.locator('script').count()).toBe(1)
  })

  it('should draw the CNAME chains as SVG nodes and links', async () => {
    expect(
      await report.page
        .locator('svg.cname-graph .node')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-name'))),
    ).toEqual(['cdn.jsdelivr.net', 'jsdelivr.map.fastly.net', 'unpkg.com', 'www.unpkg.com'])
    expect(await report.page.locator('svg.cname-graph path.link').count()).toBe(2)
    const box = await report.page.locator('svg.cname-graph').boundingBox()
    expect(box?.width).toBeGreaterThan(100)
  })

  it('should filter rows, entries and groups as the user types, and restore them', async () => {
    const all = await visibleNames()
    expect(all).toHaveLength(12)
    await report.page.fill('#filter', 'unpkg')
    expect(await visibleNames()).toEqual(['unpkg.com', 'www.unpkg.com'])
    expect(await report.page.locator('tr.entry:visible .entry-name').allTextContents()).toEqual([
      '.unpkg.com',
    ])
    expect(await report.page.locator('#other-names tbody.group:visible').count()).toBe(0)
    expect(await report.page.locator('#filter-count').textContent()).toBe('2 of 12 names')
    expect(await report.page.locator('svg .node.dim').count()).toBe(2)

    await report.page.fill('#filter', 'NXDOMAIN-only')
    expect(await visibleNames()).toEqual(['nonexistent-pkg.yarnpkg.com'])

    await report.page.fill('#filter', '<script>')
    expect(await visibleNames()).toEqual([SCRIPT_NAME])

    await report.page.fill('#filter', '')
    expect(await visibleNames()).toEqual(all)
    expect(await report.page.locator('#filter-count').textContent()).toBe('12 names')
  })
})
