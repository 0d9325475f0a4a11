/**
 * The "done" check of the formats: every golden a fixture holds for a format with a real
 * validator (`fixtures/<case>/expected.<format>`, written by compiling the case) is accepted by
 * that validator, and `allowlist compile CASE -f squid -f nftables -f dnsmasq -f pac --out-dir`
 * run as a process writes four files the real programs accept.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {outputFileName} from '../../src/render/index.js'
import {useTempDir} from '../support/temp-dir.js'
import {validators} from '../support/validators.js'

const fixtures = 'fixtures'
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'dns.log')))
const goldens = cases.flatMap((name) =>
  Object.keys(validators)
    .filter((format) => existsSync(join(fixtures, name, `expected.${format}`)))
    .map((format) => [name, format] as const),
)

describe('compiled fixture goldens', () => {
  const temp = useTempDir('allowlist-fixture-goldens-')

  it('should hold goldens of every validated format for the policy cases', () => {
    for (const name of ['apt-extra', 'npm-install', 'pip-install', 'hostile-garbage']) {
      expect(
        goldens
          .filter(([item]) => item === name)
          .map(([, format]) => format)
          .sort(),
      ).toEqual(Object.keys(validators).sort())
    }
  })

  it.each(goldens)(
    'should have fixtures/%s/expected.%s accepted by its consumer',
    async (name, format) => {
      const content = readFileSync(join(fixtures, name, `expected.${format}`), 'utf8')
      const verdict = await (validators[format] as NonNullable<(typeof validators)[string]>)(
        temp.path,
        content,
      )
      expect(verdict.ok, verdict.output).toBe(true)
    },
  )
})

describe('allowlist compile with the enforcing formats', () => {
  const temp = useTempDir('allowlist-compile-formats-')
  const formats = ['squid', 'nftables', 'dnsmasq', 'pac']

  it.each(cases.filter((name) => existsSync(join(fixtures, name, 'expected.plain'))))(
    'should write four files the real programs accept from fixtures/%s',
    async (name) => {
      const outDir = join(temp.path, 'out')
      const config = join(fixtures, name, 'allowlist.config.json')
      const result = spawnSync(
        'node',
        [
          'bin/run.js',
          'compile',
          join(fixtures, name, 'dns.log'),
          ...formats.flatMap((format) => ['-f', format]),
          '--out-dir',
          outDir,
          ...(existsSync(config) ? ['--config', config] : []),
        ],
        {encoding: 'utf8'},
      )
      expect(result.status, result.stderr).toBe(0)
      expect((await readdir(outDir)).sort()).toEqual(
        formats.map((format) => outputFileName(format)).sort(),
      )
      for (const format of formats) {
        const content = await readFile(join(outDir, outputFileName(format)), 'utf8')
        const verdict = await (validators[format] as NonNullable<(typeof validators)[string]>)(
          temp.path,
          content,
        )
        expect(verdict.ok, `${format}: ${verdict.output}`).toBe(true)
      }
    },
  )
})
