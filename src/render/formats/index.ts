/**
 * The format registry: one line per built-in format. `-f`, `templates list` and
 * `templates eject` all read this table; a format also needs `templates/<name>/main.hbs`.
 */
import type {AnyFormatDefinition} from './types.js'
import adblock from './adblock.js'
import cilium from './cilium.js'
import dnsmasq from './dnsmasq.js'
import haproxy from './haproxy.js'
import hardenRunner from './harden-runner.js'
import hosts from './hosts.js'
import json from './json.js'
import nftables from './nftables.js'
import pac from './pac.js'
import plain from './plain.js'
import rpz from './rpz.js'
import squid from './squid.js'
import unbound from './unbound.js'

// An object, not an array, so the formatter keeps one format a line and merges stay trivial.
const formats: Record<string, AnyFormatDefinition> = {
  adblock,
  cilium,
  dnsmasq,
  'harden-runner': hardenRunner,
  haproxy,
  hosts,
  json,
  nftables,
  pac,
  plain,
  rpz,
  squid,
  unbound,
}

export const builtinFormats: ReadonlyMap<string, AnyFormatDefinition> = new Map(
  Object.values(formats).map((format) => [format.name, format]),
)
