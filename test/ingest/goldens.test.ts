/**
 * Every fixture log against its golden graph. Goldens are rewritten only with
 * `UPDATE_GOLDENS=1`; read the diff before committing one.
 */
import {existsSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {serializeGraph} from '../../src/graph/document.js'
import {ingest} from '../../src/ingest/index.js'
import {FIXTURES, fixtureCases} from '../support/ingest-fixture.js'

const update = process.env.UPDATE_GOLDENS === '1'

describe('golden graphs', () => {
  for (const fixture of fixtureCases()) {
    it(`should turn fixtures/${fixture}/dns.log into its expected graph`, async () => {
      const {tree} = await ingest([join(FIXTURES, fixture, 'dns.log')])
      const actual = serializeGraph(tree)
      const golden = join(FIXTURES, fixture, 'expected.graph.json')
      if (update) await writeFile(golden, actual)
      expect(existsSync(golden), `${golden} is missing; create it with UPDATE_GOLDENS=1`).toBe(true)
      expect(actual).toBe(await readFile(golden, 'utf8'))
    })
  }
})
