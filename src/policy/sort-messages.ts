/**
 * Put messages in log order (file, then line, then column), as vfile-sort does. Rules report in
 * pipeline order; a reader wants to walk the log top to bottom. The sort is stable, so messages
 * about one line keep their rule order.
 */
import type {VFile} from 'vfile'

/**
 * Sort `file.messages` in place.
 *
 * @param file The file whose messages to sort.
 */
export function sortMessages(file: VFile): void {
  file.messages.sort(
    (left, right) =>
      compareText(left.file ?? '', right.file ?? '') ||
      (left.line ?? 0) - (right.line ?? 0) ||
      (left.column ?? 0) - (right.column ?? 0),
  )
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
