/**
 * Saving a graph for a command: atomically for regular files, straight through for devices
 * and pipes (`-o /dev/null`, `-o /dev/stdout`), which must never be renamed over; a failure
 * becomes the documented "output cannot be written" error naming the file.
 */
import {stat, writeFile} from 'node:fs/promises'
import {AllowlistError} from '../errors.js'
import {saveGraph, serializeGraph} from './document.js'
import type {Root} from './types.js'

/**
 * @param root The graph.
 * @param file Target path.
 * @throws AllowlistError (`exit: 'output'`) naming the file.
 */
export async function writeGraphFile(root: Root, file: string): Promise<void> {
  try {
    const existing = await stat(file).catch(() => undefined)
    if (existing && !existing.isFile()) await writeFile(file, serializeGraph(root))
    else await saveGraph(root, file)
  } catch (error) {
    throw new AllowlistError(`Cannot write \`${file}\`: ${(error as Error).message}`, {
      exit: 'output',
      file,
      cause: error,
    })
  }
}
