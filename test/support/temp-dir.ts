/**
 * A fresh temporary directory per test, removed afterwards, so rendered files never collide.
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach} from 'vitest'

/**
 * Register hooks that create and remove a directory around each test.
 *
 * @param prefix Name prefix under the system temporary directory.
 * @returns A getter for the current test's directory.
 */
export function useTempDir(prefix: string): () => string {
  let directory: string | undefined
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    if (directory !== undefined) await rm(directory, {recursive: true, force: true})
  })
  return () => {
    if (directory === undefined) throw new Error('useTempDir: no test is running')
    return directory
  }
}
