/**
 * A temporary directory for tests, removed afterwards: a fresh one per test (the default), so
 * written files never collide, or one per `describe` block (`per: 'file'`) when a `beforeAll`
 * prepares inputs that every test reads. `write` puts small inputs into it.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, beforeEach} from 'vitest'

export interface TempDir {
  /** The directory; valid inside tests (and, with `per: 'file'`, inside `beforeAll`). */
  readonly path: string
  /** Write `content` to `name` inside the directory and return its path. */
  write(name: string, content: string): Promise<string>
}

/**
 * Register hooks that create and remove the directory; call at the top of a `describe`.
 *
 * @param prefix Name prefix under the system temporary directory.
 * @param options `per: 'test'` (default) for a directory per test, `'file'` for one shared by
 *   the block's tests.
 * @returns The directory and a helper to write into it.
 */
export function useTempDir(prefix: string, options: {per?: 'test' | 'file'} = {}): TempDir {
  let directory: string | undefined
  const [before, after] = options.per === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach]
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix))
  })
  after(async () => {
    if (directory !== undefined) await rm(directory, {recursive: true, force: true})
  })
  const path = (): string => {
    if (directory === undefined) throw new Error('useTempDir: no test is running')
    return directory
  }
  return {
    get path() {
      return path()
    },
    async write(name, content) {
      const file = join(path(), name)
      await writeFile(file, content)
      return file
    },
  }
}
