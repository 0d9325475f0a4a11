/**
 * Saving a graph for a command: through `writeOutputFile`, so regular files are replaced
 * atomically, devices and pipes (`-o /dev/null`, `-o /dev/stdout`) are written straight through,
 * and a failure becomes the documented "output cannot be written" error naming the file.
 */
import {writeOutputFile} from '../fs/output-error.js'
import {serializeGraph} from './document.js'
import type {Root} from './types.js'

/**
 * @param root The graph.
 * @param file Target path.
 * @throws AllowlistError (`exit: 'output'`) naming the file.
 */
export async function writeGraphFile(root: Root, file: string): Promise<void> {
  await writeOutputFile(file, serializeGraph(root))
}
