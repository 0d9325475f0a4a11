/**
 * Golden files: compare output with a file checked into the repository. Set `UPDATE_GOLDENS=1`
 * to rewrite them instead (then read the diff before committing).
 */
import {existsSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import {expect} from 'vitest'

export const UPDATING_GOLDENS = process.env.UPDATE_GOLDENS === '1'

/**
 * Assert that `path` holds exactly `actual` (or write it when updating goldens).
 *
 * @param path The golden file.
 * @param actual What the code produced now.
 */
export async function expectGolden(path: string | URL, actual: string): Promise<void> {
  if (UPDATING_GOLDENS) {
    await writeFile(path, actual)
    return
  }
  expect(existsSync(path), `missing golden ${String(path)} (UPDATE_GOLDENS=1 writes it)`).toBe(true)
  expect(actual).toBe(await readFile(path, 'utf8'))
}
