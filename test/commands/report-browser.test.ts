/**
 * `allowlist report` end to end: the CLI builds the report from the sample logs through the real
 * ingest and policy, headless Chromium opens the file, and the test reads what a person would
 * see. The screenshot `test-results/report.png` is the picture the README shows.
 */
import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {expectLoadedAlone, useReportPage} from '../support/browser.js'

const LOGS = ['fixtures/npm-install/dns.log', 'fixtures/apt-extra/dns.log']

describe('allowlist report in headless Chromium', () => {
  const report = useReportPage((file) => {
    const child = spawnSync('node', ['bin/run.js', 'report', ...LOGS, '-o', file], {
      encoding: 'utf8',
    })
    expect(child.stderr).toContain('report.html: 11 entries')
    expect(child.status).toBe(0)
  }, 'report.png')

  it('should load with no other request, no error and no CSP violation', async () => {
    await expectLoadedAlone(report.watched)
  })

  it('should list the entries policy produced, grouped by registrable domain', async () => {
    expect(await report.page.locator('.entry-name').allTextContents()).toEqual([
      '.app.netlify.app',
      '.debian.org',
      '.hashicorp.com',
      '.jsdelivr.net',
      '.launchpadcontent.net',
      '.microsoft.com',
      '.nodejs.org',
      '.npmjs.org',
      '.unpkg.com',
      '.user.gitlab.io',
      '.yarnpkg.com',
    ])
    const debian = report.page.locator('#allow-list tbody.group', {hasText: '.debian.org'})
    expect(await debian.locator('tr.name td:first-child code').allTextContents()).toEqual([
      'ftp.debian.org',
      'security.debian.org',
    ])
  })

  it('should show each dropped name with its rule and the log line it came from', async () => {
    const row = report.page.locator('#other-names tr.name', {
      hasText: 'nonexistent-pkg.yarnpkg.com',
    })
    expect(await row.locator('.rule').textContent()).toBe('negative-only')
    expect(await row.locator('.place').textContent()).toBe('fixtures/npm-install/dns.log:61')
    const hostile = report.page.locator('#other-names tr.name', {
      hasText: 'less<than>.bad-host.net',
    })
    expect(await hostile.locator('.rule').textContent()).toBe('invalid-hostname')
    expect(
      await report.page.locator('#other-names tr.name td:first-child code').allTextContents(),
    ).toEqual(
      expect.arrayContaining([
        'amp&er.bad-host.net',
        'pipe|name.bad-host.net',
        '<name unprintable>',
      ]),
    )
  })

  it('should draw the two-step CNAME chain of packages.microsoft.com', async () => {
    const nodes = await report.page
      .locator('svg.cname-graph .node')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-name')))
    expect(nodes).toEqual(
      expect.arrayContaining([
        'packages.microsoft.com',
        'packages.microsoft.com.edgekey.net',
        'e121.dscb.akamaiedge.net',
      ]),
    )
  })

  it('should narrow the tables to what the filter matches', async () => {
    await report.page.fill('#filter', 'microsoft')
    expect(
      await report.page.locator('tr.name:visible td:first-child code').allTextContents(),
    ).toEqual([
      'packages.microsoft.com',
      'packages.microsoft.com.edgekey.net',
      'e121.dscb.akamaiedge.net',
    ])
    await report.page.fill('#filter', '')
  })
})
