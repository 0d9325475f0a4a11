/**
 * Saving a graph for a command: `saveGraph`, with a failure turned into the documented
 * "output cannot be written" error that names the file.
 */
import {AllowlistError} from '../errors.js'
import {saveGraph} from './document.js'
import type {Root} from './types.js'

/**
 * @param root The graph.
 * @param file Target path.
 * @throws AllowlistError (`exit: 'output'`) naming the file.
 */
export async function writeGraphFile(root: Root, file: string): Promise<void> {
  try {
    await saveGraph(root, file)
  } catch (error) {
    throw new AllowlistError(`Cannot write \`${file}\`: ${(error as Error).message}`, {
      exit: 'output',
      file,
      cause: error,
    })
  }
}
