/**
 * The `--list-format`-style flags of `diff` and `check`: one of the list syntaxes the parsers
 * read, typed, so a command gets a `ListSyntax` and oclif lists the choices in `--help`.
 */
import {Flags} from '@oclif/core'
import {LIST_SYNTAXES} from '../lists/types.js'

/**
 * @param description What the flag applies to, for `--help`.
 * @returns An optional flag whose value is a `ListSyntax`; detected from the file when omitted.
 */
export function listSyntaxFlag(description: string) {
  return Flags.option({options: LIST_SYNTAXES, description})()
}
