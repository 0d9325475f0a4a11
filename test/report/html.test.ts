import {createHash} from 'node:crypto'
import {HtmlValidate} from 'html-validate'
import {describe, expect, it} from 'vitest'
import {renderReport} from '../../src/report/index.js'
import {allowListOf} from '../support/allow-list.js'
import {buildGraph} from '../support/graph.js'
import {
  AMPERSAND_NAME,
  ANGLE_NAME,
  IMAGE_NAME,
  SCRIPT_NAME,
  reportSample,
} from '../support/report-sample.js'

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
}

/**
 * Markup with attribute values emptied, so names inside `data-search` (escaped, yet still
 * containing `onerror=` as text) are not mistaken for attributes.
 */
function withoutAttributeValues(html: string): string {
  return html.replace(/="[^"]*"/g, '=""')
}

/** The text between the one opening and closing tag of `tag`. */
function inlineBlock(html: string, tag: string): string {
  const matches = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
  expect(matches).toHaveLength(1)
  return matches[0]?.[1] ?? ''
}

/** The HTML standard plus html-validate's recommended rules (accessibility, deprecated markup). */
const validator = new HtmlValidate({extends: ['html-validate:recommended']})

async function validationErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html)
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
    ),
  )
}

describe('renderReport html', () => {
  it('should be valid HTML, hostile names and empty sections included', async () => {
    const {tree, allowList} = reportSample()
    expect(await validationErrors(await renderReport(tree, allowList))).toEqual([])
    expect(await validationErrors(await renderReport(buildGraph(), allowListOf([])))).toEqual([])
  })

  it('should show hostile names as escaped text only', async () => {
    const {tree, allowList} = reportSample()
    const html = await renderReport(tree, allowList)
    expect(html).toContain('<code>less&lt;than&gt;.bad-host.net</code>')
    expect(html).toContain('<code>amp&amp;er.bad-host.net</code>')
    expect(html).toContain('x&lt;script&gt;window.pwned=1&lt;/script&gt;.bad-host.net')
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=window.pwned=2&gt;.bad-host.net')
    for (const name of [ANGLE_NAME, AMPERSAND_NAME, SCRIPT_NAME, IMAGE_NAME]) {
      expect(html).not.toContain(name)
    }
    expect(html.match(/<script>/g)).toHaveLength(1)
    expect(html).not.toMatch(/<img/)
  })

  it('should allow exactly its own inline style and script through a hash-based CSP', async () => {
    const {tree, allowList} = reportSample()
    const html = await renderReport(tree, allowList)
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]
    expect(csp).toBe(
      [
        "default-src 'none'",
        `style-src '${sha256(inlineBlock(html, 'style'))}'`,
        `script-src '${sha256(inlineBlock(html, 'script'))}'`,
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    )
    const markup = withoutAttributeValues(html)
    expect(markup).not.toMatch(/<[a-z][^>]*\sstyle=/)
    expect(markup).not.toMatch(/<[a-z][^>]*\son[a-z]+=/)
  })

  it('should reference nothing outside the file', async () => {
    const {tree, allowList} = reportSample()
    const html = await renderReport(tree, allowList)
    expect(withoutAttributeValues(html)).not.toMatch(/<[a-z][^>]*\s(?:src|href)=/)
    expect(html).not.toMatch(/@import/)
    const urls = new Set([...html.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]))
    expect([...urls]).toEqual(['#arrow'])
    // The SVG namespace is an identifier, never fetched; no other URL may appear.
    expect(html.match(/https?:\/\/[^\s"'<]+/g)).toEqual(['http://www.w3.org/2000/svg'])
  })

  it('should show entries, their names, rules and the CNAME graph', async () => {
    const {tree, allowList} = reportSample()
    const html = await renderReport(tree, allowList)
    expect(html).toContain('<code class="entry-name">.unpkg.com</code>')
    expect(html).toMatch(/<tr class="name kept" data-entry="e\d+" data-search="www\.unpkg\.com /)
    expect(html).toContain('<span class="rule">nxdomain-only</span>')
    expect(html).toContain('<g class="node dropped" data-name="jsdelivr.map.fastly.net">')
    expect(html.match(/<path class="link"/g)).toHaveLength(2)
  })

  it('should be byte-identical across runs and carry a clock only when asked', async () => {
    const {tree, allowList} = reportSample()
    const first = await renderReport(tree, allowList)
    expect(await renderReport(reportSample().tree, reportSample().allowList)).toBe(first)
    expect(first).not.toContain('generated:')
    const stamped = await renderReport(tree, allowList, {
      timestamp: new Date(Date.UTC(2026, 11, 4, 12)),
    })
    expect(stamped).toContain('<li>generated: 2026-12-04T12:00:00.000Z</li>')
  })

  it('should draw names that are special words in JavaScript like any other', async () => {
    const tree = buildGraph(
      {name: '__proto__', cnameTo: ['constructor']},
      {name: 'constructor', cnameTo: ['tostring.example.com']},
      {name: 'tostring.example.com'},
    )
    const html = await renderReport(tree, allowListOf([]))
    expect(html.match(/<g class="node undecided"/g)).toHaveLength(3)
    expect(html.match(/<path class="link" d="M[\d.]+ [\d.]+ L/g)).toHaveLength(2)
  })

  it('should say so when the list, the dropped names and the CNAME graph are empty', async () => {
    const html = await renderReport(buildGraph(), allowListOf([]))
    expect(html).toContain('The allow-list is empty.')
    expect(html).toContain('No name was dropped.')
    expect(html).toContain('No CNAME chain was observed.')
    expect(html).not.toContain('<svg')
  })
})
