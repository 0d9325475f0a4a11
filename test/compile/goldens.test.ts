/**
 * Every golden case × format: `fixtures/<case>/dns.log` (with the case's
 * `allowlist.config.json` when present) compiled to each `expected.<format>`, and its warnings
 * against `expected.messages.txt` (`file:line:column: reason` per line). Goldens were written by
 * reading the logs; `UPDATE_GOLDENS=1` rewrites them, and the diff must be read.
 */
import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {compile} from '../../src/compile.js'
import {loadConfig} from '../../src/config/load.js'
import {isWarning, messageLocation} from '../../src/policy/report.js'
import {listFormats} from '../../src/render/index.js'
import {expectGolden} from '../support/golden.js'
import {FIXTURES, fixtureCases} from '../support/ingest-fixture.js'

/** Cases with policy goldens: those holding an `expected.messages.txt`. */
const cases = fixtureCases().filter((name) =>
  existsSync(join(FIXTURES, name, 'expected.messages.txt')),
)
const formats = new Set(listFormats().map((format) => format.name))

async function compileCase(name: string, requested: string[]) {
  const configPath = join(FIXTURES, name, 'allowlist.config.json')
  const {config} = existsSync(configPath) ? await loadConfig({configPath}) : {config: {}}
  return compile([join(FIXTURES, name, 'dns.log')], {formats: requested, config})
}

describe('golden cases', () => {
  it('should cover the three sample captures and the config cases', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'apt-extra',
        'config-auto',
        'config-exact-cname',
        'hostile-garbage',
        'npm-install',
        'pip-install',
      ]),
    )
  })

  for (const name of cases) {
    const expected = readdirSync(join(FIXTURES, name))
      .map((file) => /^expected\.(.+)$/.exec(file)?.[1])
      .filter((format): format is string => format !== undefined && formats.has(format))

    it(`should compile fixtures/${name} to ${expected.map((f) => `expected.${f}`).join(', ')}`, async () => {
      expect(expected).toContain('plain')
      const {outputs} = await compileCase(name, expected)
      for (const output of outputs) {
        await expectGolden(join(FIXTURES, name, `expected.${output.format}`), output.content)
      }
    })

    it(`should warn about fixtures/${name} as expected.messages.txt says`, async () => {
      const {file} = await compileCase(name, ['plain'])
      const lines = file.messages
        .filter((message) => isWarning(message))
        .map((message) => `${messageLocation(message)}: ${message.reason}\n`)
      await expectGolden(join(FIXTURES, name, 'expected.messages.txt'), lines.join(''))
    })
  }

  // Other shapes of the same capture (syslog, journald, gzip): the same list and warnings.
  for (const variant of fixtureCases().filter((name) => !cases.includes(name))) {
    const base = cases.find((name) => variant.startsWith(`${name}-`))
    if (base === undefined) continue
    it(`should compile fixtures/${variant} exactly as fixtures/${base}`, async () => {
      const [expected, actual] = await Promise.all([
        compileCase(base, ['plain']),
        compileCase(variant, ['plain']),
      ])
      expect(actual.outputs[0]?.content).toBe(expected.outputs[0]?.content)
      const reasons = (result: typeof actual) =>
        result.file.messages.map((message) => `${message.line}: ${message.reason}`)
      expect(reasons(actual)).toEqual(reasons(expected))
    })
  }
})
