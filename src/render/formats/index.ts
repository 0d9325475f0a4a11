/**
 * The format registry: one line per built-in format. `-f`, `templates list` and
 * `templates eject` all read this table; a format also needs `templates/<name>/main.hbs`.
 */
import type {AnyFormatDefinition} from './types.js'
import dnsmasq from './dnsmasq.js'
import json from './json.js'
import nftables from './nftables.js'
import pac from './pac.js'
import plain from './plain.js'
import squid from './squid.js'

// An object, not an array, so the formatter keeps one format a line and merges stay trivial.
const formats: Record<string, AnyFormatDefinition> = {
  dnsmasq,
  json,
  nftables,
  pac,
  plain,
  squid,
}

export const builtinFormats: ReadonlyMap<string, AnyFormatDefinition> = new Map(
  Object.values(formats).map((format) => [format.name, format]),
)
