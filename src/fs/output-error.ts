/**
 * The one "output cannot be written" error: every module that writes a user's output turns a
 * failed write into it, so the message, the exit code (`output`) and the file named stay the same
 * whichever command failed.
 */
import {AllowlistError} from '../errors.js'
import {writeFileAtomic} from './write-atomic.js'

/**
 * Wrap a failed write.
 *
 * @param file The path that could not be written (a file or a directory).
 * @param error What the write rejected with; its message ends the sentence.
 * @param what How the message names the target; defaults to the path in backticks.
 * @returns The error to throw: "Cannot write <what>: <reason>", exit `output`.
 */
export function outputError(file: string, error: unknown, what = `\`${file}\``): AllowlistError {
  return new AllowlistError(`Cannot write ${what}: ${(error as Error).message}`, {
    exit: 'output',
    file,
    cause: error,
  })
}

/**
 * Write an output file with `writeFileAtomic`, failing with `outputError`.
 *
 * @param file Target path; its directory must exist.
 * @param content Text (written as UTF-8) or bytes.
 * @returns Nothing.
 * @throws AllowlistError (exit `output`) naming the file.
 */
export async function writeOutputFile(file: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, content)
  } catch (error) {
    throw outputError(file, error)
  }
}
