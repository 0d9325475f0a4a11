/**
 * Shared pieces of the list parsers: numbered lines without comments, names checked and
 * normalised the same way for every syntax, and one error shape naming the file and line.
 */
import {AllowlistError} from '../errors.js'
import {isHostname} from '../graph/hostname.js'

export interface NumberedLine {
  /** 1-based. */
  line: number
  /** The line with its comment removed and surrounding whitespace trimmed; never empty. */
  text: string
}

/**
 * The lines that carry content.
 *
 * @param text The whole file.
 * @param commentMarkers Strings that start a comment running to the end of the line (`#`, `;`).
 */
export function contentLines(text: string, commentMarkers: readonly string[]): NumberedLine[] {
  const result: NumberedLine[] = []
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    let content = lines[index] as string
    for (const marker of commentMarkers) {
      const at = content.indexOf(marker)
      if (at !== -1) content = content.slice(0, at)
    }
    content = content.trim()
    if (content !== '') result.push({line: index + 1, text: content})
  }
  return result
}

/**
 * A name as the list wrote it, made comparable: lowercased, trailing dot dropped, checked.
 *
 * @param raw The name from the file.
 * @param file The list file, for the error.
 * @param line Its line, for the error.
 * @returns The normalised hostname.
 */
export function listName(raw: string, file: string, line: number): string {
  const name = raw.toLowerCase().replace(/\.$/, '')
  if (!isHostname(name)) throw listError(file, line, `\`${raw}\``, 'a hostname')
  return name
}

/** `file:line: Unexpected <found>, expected <acceptable>`, as an input error. */
export function listError(
  file: string,
  line: number,
  found: string,
  expected: string,
): AllowlistError {
  return new AllowlistError(`${file}:${line}: Unexpected ${found}, expected ${expected}`, {
    exit: 'input',
    file,
    line,
  })
}
