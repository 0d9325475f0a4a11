/**
 * `rpz`: a complete BIND response-policy zone. `*` (every name) is rewritten to NXDOMAIN
 * (`CNAME .`); listed names are `CNAME rpz-passthru.`, and domains with subdomains get the same
 * for `*.domain`. RPZ prefers the most specific trigger, so an exact entry passes only the name
 * itself. RPZ also checks the targets of CNAME chains, so the list must hold those targets
 * (entries marked `cnameTarget`) for chained names to resolve. Owner names are relative, so the
 * file serves any zone name given in `response-policy { zone "NAME"; }`.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
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
  /** Relative owner names that pass through, with a note for CNAME targets. */
  passthru: {owner: string; cnameTarget: boolean}[]
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
      passthru: uncoveredEntries(allowList.entries).flatMap((entry) => {
        const owners = entry.includesSubdomains ? [entry.name, `*.${entry.name}`] : [entry.name]
        return owners.map((owner) => ({owner, cnameTarget: entry.cnameTarget}))
      }),
    }
  },
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
