/**
 * A temporary directory per test file, with a helper to write small inputs into it, removed
 * afterwards.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll} from 'vitest'

export interface TempFiles {
  /** The directory (valid inside tests, after `beforeAll`). */
  readonly path: string
  /** Write `content` to `name` inside the directory and return its path. */
  write(name: string, content: string): Promise<string>
}

/** Register hooks creating and removing a temporary directory; call at the top of a `describe`. */
export function useTempFiles(prefix: string): TempFiles {
  let directory = ''
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), `allowlist-${prefix}-`))
  })
  afterAll(async () => rm(directory, {recursive: true, force: true}))
  return {
    get path() {
      return directory
    },
    async write(name, content) {
      const path = join(directory, name)
      await writeFile(path, content)
      return path
    },
  }
}
