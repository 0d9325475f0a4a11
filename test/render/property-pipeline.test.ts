/**
 * The injection-proof property end to end: dnsmasq log lines whose names are arbitrary strings
 * (quotes, `;`, `}`, `#`, `*`, spaces, unicode, very long) mixed with real hostnames go through
 * ingest → policy → every format via `compile()`. Whatever the names, each output passes its
 * real validator, no hostile name reaches any output, and a second run is byte-identical.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compile} from '../../src/compile.js'
import {useTempDir} from '../support/temp-dir.js'
import {validators} from '../support/validators.js'

const label = fc.stringMatching(/^[a-z][a-z0-9]{2,8}$/)
const badPart = fc.oneof(
  fc.constantFrom('"', "'", ';', '}', '{', '#', '*', ' ', '\\', '/', '$', '`', '|', '<', '>', '%'),
  // Log lines cannot hold a line break; letters, digits, `_`, `-` and `.` would make a hostname.
  fc
    .string({unit: 'binary', minLength: 1, maxLength: 6})
    .filter((text) => !/[\n\r]/.test(text) && /[^A-Za-z0-9_.-]/.test(text)),
  fc.constantFrom('ü', '中', '\u2028', '\u0000', '..'),
)
/** A name with something no format may carry, between two labels so it cannot appear by chance. */
const hostileName = fc
  .tuple(label, badPart, label, fc.constantFrom('com', 'net', 'org'))
  .map(([left, bad, right, tld]) => `${left}${bad}${right}.${tld}`)
const longName = fc.integer({min: 30, max: 90}).map((count) => `${'abcdefgh.'.repeat(count)}com`)
const goodName = fc
  .tuple(
    fc.array(label, {minLength: 1, maxLength: 3}),
    fc.constantFrom('com', 'net', 'io', 'co.uk'),
  )
  .map(([labels, tld]) => `${labels.join('.')}.${tld}`)

/** The lines dnsmasq writes for one answered A query. */
function queryLines(name: string, index: number): string[] {
  const prefix = `Dec  4 15:38:${String(10 + (index % 50)).padStart(2, '0')} dnsmasq[16568]: `
  return [
    `${prefix}query[A] ${name} from 10.148.12.32`,
    `${prefix}forwarded ${name} to 127.0.0.2#5353`,
    `${prefix}reply ${name} is 203.0.113.${1 + (index % 200)}`,
  ]
}

describe('compiling logs with arbitrary names', () => {
  const temp = useTempDir('allowlist-pipeline-')
  const formats = Object.keys(validators)

  it('should keep hostile names out of every output and every output valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileName, {minLength: 1, maxLength: 6}),
        fc.array(fc.oneof(goodName, longName), {maxLength: 6}),
        async (hostile, good) => {
          const names = [...hostile, ...good]
          const log = join(temp.path, 'dns.log')
          await writeFile(
            log,
            names.flatMap((name, index) => queryLines(name, index)).join('\n') + '\n',
          )
          const first = await compile([log], {formats, config: {}})
          const again = await compile([log], {formats, config: {}})
          for (const [index, output] of first.outputs.entries()) {
            expect(again.outputs[index]?.content).toBe(output.content)
            for (const name of hostile) expect(output.content).not.toContain(name)
            const verdict = await (
              validators[output.format] as NonNullable<(typeof validators)[string]>
            )(temp.path, output.content)
            expect(verdict.ok, `${output.format}: ${verdict.output}\n${output.content}`).toBe(true)
          }
        },
      ),
      {numRuns: 15},
    )
  })
})
