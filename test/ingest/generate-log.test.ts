import {createHash} from 'node:crypto'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {generateLog} from '../../bench/generate-log.js'
import {ingest} from '../../src/ingest/index.js'

describe('synthetic log generator', () => {
  it('should write the same bytes for the same seed and parse without unparsed lines', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'allowlist-generate-'))
    try {
      const digest = async (file: string, seed: number) => {
        expect(await generateLog(file, {lines: 20_000, seed})).toBe(20_000)
        return createHash('sha256')
          .update(await readFile(file))
          .digest('hex')
      }
      const first = await digest(join(directory, 'a.log'), 3)
      expect(await digest(join(directory, 'b.log'), 3)).toBe(first)
      expect(await digest(join(directory, 'c.log'), 4)).not.toBe(first)
      const {summary, tree} = await ingest([join(directory, 'a.log')])
      expect(summary).toMatchObject({lines: 20_000, unparsed: 0})
      expect(JSON.stringify(tree)).toContain('"cnameTo":["')
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})
