/**
 * The format registry: one line per built-in format. `-f`, `templates list` and
 * `templates eject` all read this table; a format also needs `templates/<name>/main.hbs`.
 */
import type {AnyFormatDefinition} from './types.js'
import adblock from './adblock.js'
import cilium from './cilium.js'
import haproxy from './haproxy.js'
import hardenRunner from './harden-runner.js'
import json from './json.js'
import plain from './plain.js'

// An object, not an array, so the formatter keeps one format a line and merges stay trivial.
const formats: Record<string, AnyFormatDefinition> = {
  adblock,
  cilium,
  'harden-runner': hardenRunner,
  haproxy,
  json,
  plain,
}

export const builtinFormats: ReadonlyMap<string, AnyFormatDefinition> = new Map(
  Object.values(formats).map((format) => [format.name, format]),
)
