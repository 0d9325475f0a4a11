/**
 * Reading the allow-list verify enforces. It accepts what `compile` writes for the formats
 * that are lists of names: `plain` / a Squid `dstdomain` file (`name` exact, `.name` with
 * subdomains), the `squid` format (`acl NAME dstdomain …` lines, `http_access` lines skipped),
 * and the `json` format.
 */
import {readFile} from 'node:fs/promises'
import {AllowlistError} from '../errors.js'
import {isHostname} from '../graph/hostname.js'

export interface ListEntry {
  /** Lowercase, no leading or trailing dot. */
  name: string
  includesSubdomains: boolean
}

/**
 * @param path The list file.
 * @returns Its entries in file order.
 * @throws AllowlistError (`input`) naming the file and line of anything that is not a name.
 */
export async function readList(path: string): Promise<ListEntry[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new AllowlistError(`Cannot read the list \`${path}\`: ${(error as Error).message}`, {
      exit: 'input',
      file: path,
      cause: error,
    })
  }
  if (text.trimStart().startsWith('{')) return parseJsonList(text, path)
  return parseTextList(text, path)
}

/** Parse one name a line, `#` comments, and `acl NAME dstdomain …` lines. */
export function parseTextList(text: string, path: string): ListEntry[] {
  const entries: ListEntry[] = []
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim()
    if (line === '') return
    const fields = line.split(/\s+/)
    // The squid format's optional access rules say how the ACL is used, not what it allows.
    if (fields[0] === 'http_access') return
    if (fields[0] === 'acl' && fields[2] === 'dstdomain') {
      for (const value of fields.slice(3)) entries.push(toEntry(value, path, index + 1))
    } else if (fields.length === 1) {
      entries.push(toEntry(line, path, index + 1))
    } else {
      throw new AllowlistError(
        `${path}:${index + 1}: Unexpected \`${line}\`, expected one hostname a line or \`acl NAME dstdomain …\``,
        {exit: 'input', file: path, line: index + 1},
      )
    }
  })
  return entries
}

function parseJsonList(text: string, path: string): ListEntry[] {
  let document: {entries?: Array<{name?: unknown; includesSubdomains?: unknown}>}
  try {
    document = JSON.parse(text) as typeof document
  } catch (error) {
    throw new AllowlistError(`Unexpected JSON in \`${path}\`: ${(error as Error).message}`, {
      exit: 'input',
      file: path,
    })
  }
  if (!Array.isArray(document.entries)) {
    throw new AllowlistError(`Unexpected JSON in \`${path}\`, expected an \`entries\` array`, {
      exit: 'input',
      file: path,
    })
  }
  return document.entries.map((entry, index) => {
    if (typeof entry.name !== 'string') {
      throw new AllowlistError(`Unexpected entry ${index} in \`${path}\`, expected a \`name\``, {
        exit: 'input',
        file: path,
      })
    }
    const parsed = toEntry(entry.name, path, 1)
    return {...parsed, includesSubdomains: entry.includesSubdomains === true}
  })
}

function toEntry(value: string, path: string, line: number): ListEntry {
  const includesSubdomains = value.startsWith('.')
  const name = value.replace(/^\./, '').replace(/\.$/, '').toLowerCase()
  if (!isHostname(name)) {
    throw new AllowlistError(`${path}:${line}: Unexpected \`${value}\`, expected a hostname`, {
      exit: 'input',
      file: path,
      line,
    })
  }
  return {name, includesSubdomains}
}
