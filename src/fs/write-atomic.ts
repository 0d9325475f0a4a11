/**
 * Atomic file writes: the content goes to a temporary file beside the target, is flushed, then
 * renamed over it. A reader sees the old file or the new one, never half of either, and a failed
 * run leaves the old file untouched. A target that exists and is not a regular file (`/dev/null`,
 * `/dev/stdout`, a FIFO) is written straight through instead: renaming over it would replace
 * the device or pipe with a plain file.
 */
import {randomBytes} from 'node:crypto'
import {open, rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

/**
 * Write `content` to `path` atomically, or straight through when `path` is a device or pipe.
 *
 * @param path Target file; its directory must exist.
 * @param content Text (written as UTF-8) or bytes.
 * @returns Nothing; rejects with the underlying error (and removes the temporary file) on failure.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => undefined)
  if (existing !== undefined && !existing.isFile()) {
    await writeFile(path, content)
    return
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temporary, 'wx', 0o644)
    try {
      await handle.writeFile(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}
