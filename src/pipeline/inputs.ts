/**
 * The inputs of `diff` and `check`: a dnsmasq log (`.gz`, `-`), a saved graph, or a list file.
 * Logs and graphs become allow-lists through the policy (one compile over all of them, as
 * `allowlist compile` would do); list files are read back as they are.
 */
import {open, stat} from 'node:fs/promises'
import {AllowlistError} from '../errors.js'
import type {AllowList} from '../graph/entry.js'
import {GRAPH_SCHEMA} from '../graph/types.js'
import {parseList, readAllowListDocument, readListText} from '../lists/index.js'
import {allowListFromRules} from '../lists/to-allow-list.js'
import type {ListSyntax} from '../lists/types.js'

/** Turns logs and graphs into an allow-list with the configured policy (`compile` in practice). */
export type CompileObserved = (inputs: string[]) => Promise<AllowList>

export type InputKind = 'log' | 'graph' | 'list'

export interface InputOptions {
  compileObserved: CompileObserved
  /** The syntax of list inputs; detected per file when absent. */
  listSyntax?: ListSyntax | undefined
}

const HEAD_BYTES = 64 * 1024
const LOG_LINE = /dnsmasq(-dhcp)?\[\d+\]:|\bquery\[[A-Za-z0-9=]+\] \S+ from /

/**
 * What an input is, from its first 64 KiB: never reads a whole log. Only regular files are
 * peeked at: opening a named pipe (`<(zcat dns.log.gz)`) twice would lose what its writer sent
 * first, so a pipe, like `-`, goes to ingest unread, which tells logs from graphs itself.
 *
 * @param path A path, or `-` for stdin.
 */
export async function classifyInput(path: string): Promise<InputKind> {
  if (path === '-' || !(await isRegularFile(path))) return 'log'
  return classifyContent(await readHead(path))
}

/**
 * What a file is, from its first bytes.
 *
 * @param head The start of the file (64 KiB is plenty).
 */
export function classifyContent(head: Buffer): InputKind {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'log'
  const text = head.toString('utf8')
  if (/^\s*\{/.test(text)) {
    return new RegExp(`"schema"\\s*:\\s*"${GRAPH_SCHEMA}"`).test(text) ? 'graph' : 'list'
  }
  return LOG_LINE.test(text) ? 'log' : 'list'
}

/**
 * Read inputs as allow-lists: every log and graph together through `compileObserved`, each list
 * file on its own.
 *
 * @param paths Inputs as given on the command line.
 * @param options How to compile observations and which list syntax to assume.
 * @returns One allow-list per list file, then one for all logs and graphs (when there are any).
 */
export async function readInputsAsAllowLists(
  paths: readonly string[],
  options: InputOptions,
): Promise<AllowList[]> {
  const lists: AllowList[] = []
  const observed: string[] = []
  for (const path of paths) {
    if ((await classifyInput(path)) === 'list')
      lists.push(await readListAsAllowList(path, options.listSyntax))
    else observed.push(path)
  }
  if (observed.length > 0) lists.push(await options.compileObserved(observed))
  return lists
}

/** A list file as an allow-list; a `json` list keeps the sources and provenance it was written with. */
async function readListAsAllowList(
  path: string,
  syntax: ListSyntax | undefined,
): Promise<AllowList> {
  const text = await readListText(path)
  const parsed = parseList(text, path, syntax)
  return parsed.syntax === 'json' ? readAllowListDocument(text, path) : allowListFromRules(parsed)
}

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch (error) {
    throw inputError(path, error)
  }
}

async function readHead(path: string): Promise<Buffer> {
  try {
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(HEAD_BYTES)
      const {bytesRead} = await handle.read(buffer, 0, HEAD_BYTES, 0)
      return buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw inputError(path, error)
  }
}

function inputError(path: string, error: unknown): AllowlistError {
  return new AllowlistError(`Cannot read \`${path}\`: ${(error as Error).message}`, {
    exit: 'input',
    file: path,
    cause: error,
  })
}
