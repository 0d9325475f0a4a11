/**
 * The list a log compiles to, in every format `check` can read back, lets through every name
 * that log needs: `compile()` → file → `checkInputs(log, file)` finds nothing blocked, for each
 * fixture capture (in process; the command tests cover exit codes). This ties the parsers to the real renderers, not to hand-written samples.
 */
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {LIST_SYNTAXES} from '../../src/lists/types.js'
import {listFormats, type FormatInfo} from '../../src/render/index.js'
import {compile} from '../../src/compile.js'
import type {ListSyntax} from '../../src/lists/types.js'
import {checkInputs} from '../../src/pipeline/index.js'
import {observedCompiler} from '../../src/pipeline/compile-observed.js'
import type {CollapseMode} from '../../src/policy/collapse.js'
import {useTempDir} from '../support/temp-dir.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))
const CASES = ['npm-install', 'pip-install', 'apt-extra']
const READABLE = listFormats().filter((format) =>
  (LIST_SYNTAXES as readonly string[]).includes(format.name),
)

describe('compile → check round trip', () => {
  const files = useTempDir('allowlist-round-trip-', {per: 'file'})

  it('should cover every format check reads', () => {
    expect(READABLE.map((format) => format.name).sort()).toEqual([...LIST_SYNTAXES].sort())
  })

  /** `compile()` LOG to each format in `outDir`, then `checkInputs()` LOG against each file. */
  async function compileThenCheck(
    log: string,
    outDir: string,
    formats: readonly FormatInfo[],
    collapse?: CollapseMode,
  ) {
    await compile([log], {formats: formats.map((format) => format.name), outDir, collapse})
    const results = []
    for (const format of formats) {
      const report = await checkInputs([log], join(outDir, format.fileName), {
        compileObserved: observedCompiler({collapse}),
        againstSyntax: format.name as ListSyntax,
      })
      results.push({
        format: format.name,
        ok: report.ok,
        checked: report.counts.checked,
        blocked: report.blocked.map((item) => item.name),
      })
    }
    return results
  }

  for (const fixture of CASES) {
    const log = join(FIXTURES, fixture, 'dns.log')

    it(`should block nothing ${fixture} needs, in every format that can say "and subdomains"`, async () => {
      const formats = READABLE.filter((format) => format.name !== 'hosts')
      for (const result of await compileThenCheck(log, join(files.path, fixture), formats)) {
        expect(result).toEqual({
          format: result.format,
          ok: true,
          checked: result.checked,
          blocked: [],
        })
        expect(result.checked).toBeGreaterThan(0)
      }
    })

    it(`should block nothing ${fixture} needs in hosts form when names stay exact`, async () => {
      const hosts = READABLE.filter((format) => format.name === 'hosts')
      const [exact] = await compileThenCheck(
        log,
        join(files.path, `${fixture}-exact`),
        hosts,
        'exact',
      )
      expect(exact).toMatchObject({ok: true, blocked: []})
      // Collapsed, a hosts file lists `npmjs.org` for `registry.npmjs.org`: the gate must see it.
      const [collapsed] = await compileThenCheck(
        log,
        join(files.path, `${fixture}-collapsed`),
        hosts,
      )
      expect(collapsed?.ok).toBe(false)
      expect(collapsed?.blocked.length).toBeGreaterThan(0)
    })
  }
})
