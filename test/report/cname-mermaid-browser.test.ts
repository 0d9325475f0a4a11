/**
 * Mermaid output read by Mermaid itself: the library runs in headless Chromium, parses each
 * flowchart and renders it, and the node labels in the SVG must be exactly the names, hostile
 * ones included, with no markup of theirs surviving.
 */
import {fileURLToPath} from 'node:url'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {renderReport} from '../../src/report/index.js'
import {allowListOf} from '../support/allow-list.js'
import {launchChromium, type Browser} from '../support/browser.js'
import {cnameChain, reportSample} from '../support/report-sample.js'

const MERMAID = fileURLToPath(
  new URL('../../node_modules/mermaid/dist/mermaid.min.js', import.meta.url),
)

const HOSTILE = [
  'a"];evil[label="x.bad-host.net',
  '<img src=x onerror=window.pwned=1>.bad-host.net',
  'a --> b; c.bad-host.net',
  'amp&er.bad-host.net',
  '#quot;.bad-host.net',
  '%%{init: {"theme":"dark"}}%%.bad-host.net',
]

interface Rendered {
  labels: string[]
  edges: number
  images: number
}

describe('Mermaid output in Mermaid', () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.context.newPage()
    await page.setContent('<!doctype html><title>mermaid</title><div id="out"></div>')
    await page.addScriptTag({path: MERMAID})
    // Mermaid's defaults (HTML labels), as GitHub renders Markdown diagrams, in strict mode.
    await page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
  })

  afterAll(async () => browser?.close())

  /** Parse and render in the page; page code is text since tests compile without the DOM. */
  async function render(text: string): Promise<Rendered> {
    return page.evaluate(
      `(async (text) => {
        await mermaid.parse(text)
        const {svg} = await mermaid.render('graph' + Math.random().toString(36).slice(2), text)
        const out = document.getElementById('out')
        out.innerHTML = svg
        const labels = [...out.querySelectorAll('g.node')].map((node) => node.textContent.trim())
        return {labels, edges: out.querySelectorAll('.edgePaths path, path.flowchart-link').length, images: out.querySelectorAll('img').length}
      })(${JSON.stringify(text)})`,
    ) as Promise<Rendered>
  }

  it('should parse and draw the sample chains with one node per name', async () => {
    const {tree, allowList} = reportSample()
    const rendered = await render(await renderReport(tree, allowList, {format: 'mermaid'}))
    expect(rendered.labels.sort()).toEqual([
      'cdn.jsdelivr.net',
      'jsdelivr.map.fastly.net',
      'unpkg.com',
      'www.unpkg.com',
    ])
    expect(rendered.edges).toBe(2)
  })

  it('should show hostile names as their exact text, adding no node, link or element', async () => {
    const {tree, names} = cnameChain(HOSTILE)
    const rendered = await render(await renderReport(tree, allowListOf([]), {format: 'mermaid'}))
    expect(rendered.labels.sort()).toEqual([...names].sort())
    expect(rendered.edges).toBe(names.length - 1)
    expect(rendered.images).toBe(0)
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined')
  })
})
