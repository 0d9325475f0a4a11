/**
 * Golden outputs: every case under `fixtures/render/` rendered in every built-in format must equal
 * its `expected.<file name>` byte for byte and pass the format's real validator. Set
 * `UPDATE_GOLDENS=1` to rewrite the files, then read the diff.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {AllowList} from '../../src/graph/entry.js'
import {listFormats, renderFormat} from '../../src/render/index.js'
import {useTempDir} from '../support/temp-dir.js'
import {validators} from '../support/validators.js'

const root = 'fixtures/render'
const cases = readdirSync(root, {withFileTypes: true})
  .filter((item) => item.isDirectory())
  .map((item) => item.name)
  .sort()

describe.each(cases)('golden case %s', (name) => {
  const temp = useTempDir('allowlist-golden-')
  const allowList = JSON.parse(readFileSync(join(root, name, 'list.json'), 'utf8')) as AllowList

  it.each(listFormats().map((format) => [format.name, format.fileName]))(
    'should render %s as expected',
    async (format, fileName) => {
      const output = await renderFormat(allowList, {format})
      const expectedPath = join(root, name, `expected.${fileName}`)
      if (process.env.UPDATE_GOLDENS === '1') await writeFile(expectedPath, output)
      expect(existsSync(expectedPath), `${expectedPath} is missing`).toBe(true)
      expect(output).toBe(readFileSync(expectedPath, 'utf8'))
      const validate = validators[format]
      if (validate) {
        const verdict = await validate(temp.path, output)
        expect(verdict.ok, verdict.output).toBe(true)
      }
    },
  )
})

describe('README.md', () => {
  const documented = ['squid', 'nftables', 'dnsmasq', 'pac', 'unbound', 'rpz', 'hosts']

  it.each(documented)('should show the real npm-install output of %s', (format) => {
    const fileName = listFormats().find((item) => item.name === format)?.fileName
    const golden = readFileSync(join(root, 'npm-install', `expected.${fileName}`), 'utf8')
    expect(readFileSync('README.md', 'utf8')).toContain(`\n${golden}\`\`\`\n`)
  })
})
