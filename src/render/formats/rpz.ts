/**
 * `rpz`: a complete BIND response-policy zone: NXDOMAIN (`CNAME .`) for every name except the
 * listed ones (`CNAME rpz-passthru.`, and `*.domain` too for domains with subdomains).
 *
 * RPZ wildcards follow DNS closest-encloser rules: once `example.com` is in the zone, `com` exists
 * as an empty node and the apex `*` no longer reaches `other.com`, and nothing reaches
 * `sub.example.com` for an exact `example.com`. So every parent of a listed name gets its own
 * `parent CNAME .` and `*.parent CNAME .`, and every exact entry its own `*.name CNAME .` (BIND
 * 9.18 resolves all of those names otherwise; the test suite runs named to show it). RPZ also
 * checks the targets of CNAME chains, so the list must hold those targets (entries marked
 * `cnameTarget`) for aliased names to resolve. Owner names are relative, so the file serves any
 * zone name given in `response-policy { zone "NAME"; }`.
 */
import type {FormatDefinition} from './types.js'
import type {Entry} from '../../graph/entry.js'
import {parentDomains, uncoveredEntries} from '../coverage.js'
import {optionError, rejectUnknownOptions} from './options.js'

export interface RpzOptions {
  /** SOA serial; without it the `--timestamp` (seconds since 1970) or `1`. */
  serial: number | undefined
  /** TTL of every record, seconds. */
  ttl: number
}

export interface RpzView {
  header: string[]
  serial: number
  ttl: number
  /** Relative owner names and their action, in zone order, with a note for CNAME targets. */
  records: {owner: string; passthru: boolean; cnameTarget: boolean}[]
}

const MAX_UINT32 = 4_294_967_295

const rpz: FormatDefinition<RpzOptions, RpzView> = {
  name: 'rpz',
  description: 'BIND response-policy zone: NXDOMAIN for every name, passthru for the list',
  fileName: 'allowlist.rpz',
  parseOptions(raw) {
    rejectUnknownOptions('rpz', raw, ['serial', 'ttl'])
    return {
      serial: raw.serial === undefined ? undefined : integerOption(raw, 'serial', 1, MAX_UINT32),
      ttl: raw.ttl === undefined ? 300 : integerOption(raw, 'ttl', 0, 2_147_483_647),
    }
  },
  buildView(allowList, options, context) {
    const timestampSerial =
      context.timestamp === undefined ? undefined : Math.floor(context.timestamp.getTime() / 1000)
    return {
      header: context.header,
      serial: options.serial ?? timestampSerial ?? 1,
      ttl: options.ttl,
      records: policyRecords(uncoveredEntries(allowList.entries)),
    }
  },
}

type PolicyRecord = RpzView['records'][number]

/** Passthru for the list, NXDOMAIN for every parent and for below every exact entry. */
function policyRecords(entries: readonly Entry[]): PolicyRecord[] {
  const records = new Map<string, PolicyRecord>()
  const add = (owner: string, passthru: boolean, cnameTarget = false): void => {
    if (!records.has(owner)) records.set(owner, {owner, passthru, cnameTarget})
  }
  for (const entry of entries) {
    add(entry.name, true, entry.cnameTarget)
    add(`*.${entry.name}`, entry.includesSubdomains, entry.cnameTarget)
  }
  for (const entry of entries) {
    for (const parent of parentDomains(entry.name)) {
      add(parent, false)
      add(`*.${parent}`, false)
    }
  }
  return [...records.values()].sort((a, b) => compareZoneOrder(a.owner, b.owner))
}

/** Parents before children, a wildcard right after its parent: labels compared from the right. */
function compareZoneOrder(a: string, b: string): number {
  const left = a.split('.').reverse()
  const right = b.split('.').reverse()
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index] as string
    const y = right[index] as string
    if (x === y) continue
    if (x === '*') return -1
    if (y === '*') return 1
    return x < y ? -1 : 1
  }
  return left.length - right.length
}

function integerOption(
  raw: Readonly<Record<string, unknown>>,
  key: string,
  minimum: number,
  maximum: number,
): number {
  const value = raw[key]
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw optionError('rpz', key, value, `an integer from ${minimum} to ${maximum}`)
  }
  return value
}

export default rpz
