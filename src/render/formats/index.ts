/**
 * The format registry: one line per built-in format. `-f`, `templates list` and
 * `templates eject` all read this table; a format also needs `templates/<name>/main.hbs`.
 */
import json from './json.js'
import plain from './plain.js'
import type {AnyFormatDefinition} from './types.js'

export const builtinFormats: ReadonlyMap<string, AnyFormatDefinition> = new Map(
  [json, plain].map((format) => [format.name, format]),
)
