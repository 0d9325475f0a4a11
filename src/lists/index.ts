/**
 * Reading list files back: one parser per syntax `allowlist` emits, chosen by `--list-format` or
 * detected, all producing the same rules so matching is format-independent.
 */
import {readFile} from 'node:fs/promises'
import {AllowlistError} from '../errors.js'
import {parseAdblockList} from './adblock.js'
import {detectListSyntax} from './detect.js'
import {parseDnsmasqList} from './dnsmasq.js'
import {parseHaproxyList} from './haproxy.js'
import {parseHostsList} from './hosts.js'
import {parseJsonList} from './json.js'
import {parsePacList} from './pac.js'
import {parsePlainList} from './plain.js'
import {parseRpzList} from './rpz.js'
import {parseSquidList} from './squid.js'
import type {ListParser, ListSyntax, ParsedList} from './types.js'
import {parseUnboundList} from './unbound.js'

export {detectListSyntax} from './detect.js'
export {createMatcher} from './match.js'
export type {Matcher, Verdict} from './match.js'
export {readAllowListDocument} from './json.js'
export {LIST_SYNTAXES} from './types.js'
export type {ListRule, ListSyntax, ParsedList, RuleScope} from './types.js'

const PARSERS: Readonly<Record<ListSyntax, ListParser>> = {
  adblock: parseAdblockList,
  haproxy: parseHaproxyList,
  dnsmasq: parseDnsmasqList,
  hosts: parseHostsList,
  json: parseJsonList,
  pac: parsePacList,
  plain: parsePlainList,
  rpz: parseRpzList,
  squid: parseSquidList,
  unbound: parseUnboundList,
}

/**
 * Parse list text.
 *
 * @param text The file content.
 * @param file The path, for messages and syntax detection.
 * @param syntax The syntax; detected from name and content when absent.
 * @returns The list's rules and default.
 */
export function parseList(text: string, file: string, syntax?: ListSyntax): ParsedList {
  return PARSERS[syntax ?? detectListSyntax(file, text)](text, file)
}

/**
 * Read and parse a list file.
 *
 * @param file Path of the list.
 * @param syntax The syntax; detected when absent.
 */
export async function readList(file: string, syntax?: ListSyntax): Promise<ParsedList> {
  return parseList(await readListText(file), file, syntax)
}

/** A list file's text, or an input error naming it. */
export async function readListText(file: string): Promise<string> {
  return (await readListBytes(file)).toString('utf8')
}

/** A list file's bytes, or an input error naming it. */
export async function readListBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file)
  } catch (error) {
    throw new AllowlistError(`Cannot read \`${file}\`: ${(error as Error).message}`, {
      exit: 'input',
      file,
      cause: error,
    })
  }
}
