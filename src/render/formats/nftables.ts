/**
 * `nftables`: `table inet allowlist` with interval sets `allow_v4` and `allow_v6` holding every
 * observed address of the list (CNAME chains followed by policy). The file first creates and
 * deletes the table, so `nft -f` replaces it atomically on every load instead of adding to it.
 * An empty set is written without `elements`, which nft rejects when empty. `chain: output` or
 * `chain: forward` adds a base chain that drops traffic to any other address; established flows
 * stay allowed, and on output also loopback and DNS, so the host can still resolve names.
 */
import type {FormatDefinition} from './types.js'
import {collectAddresses, type ObservedAddress} from '../addresses.js'
import {type NftNames, nftNamesOption} from './nft-names.js'
import {choiceOption, rejectUnknownOptions} from './options.js'

export interface NftablesOptions {
  nft: NftNames
  /** `none`: sets only; `output`: filter this host's traffic; `forward`: filter routed traffic. */
  chain: 'none' | 'output' | 'forward'
}

export interface NftablesView {
  header: string[]
  table: string
  setV4: string
  setV6: string
  /** Set elements: the address and a comment naming the entries behind it. */
  v4: NftElement[]
  v6: NftElement[]
  /** The hook of the dropping chain, or `false`. */
  chain: 'output' | 'forward' | false
  /**
   * Output chain only: accept loopback and DNS to any server (the host's resolver must reach its
   * upstreams). Routed clients get no DNS exception: they should ask the resolver on the host
   * (LXD's bridge dnsmasq), which the forward hook never sees.
   */
  hostTraffic: boolean
}

export interface NftElement {
  address: string
  /** Hostnames only (already valid), so safe after `#`. */
  names: string
}

/** Name at most this many entries per address; a CDN address can stand behind hundreds. */
const NAMES_PER_ADDRESS = 4

const nftables: FormatDefinition<NftablesOptions, NftablesView> = {
  name: 'nftables',
  description:
    'nftables table with IPv4/IPv6 interval sets of observed addresses; optional drop chain',
  fileName: 'allowlist.nft',
  parseOptions(raw) {
    rejectUnknownOptions('nftables', raw, ['table', 'setV4', 'setV6', 'chain'])
    return {
      nft: nftNamesOption('nftables', raw, {table: 'table', setV4: 'setV4', setV6: 'setV6'}),
      chain: choiceOption('nftables', raw, 'chain', ['none', 'output', 'forward'], 'none'),
    }
  },
  buildView(allowList, options, context) {
    const {v4, v6} = collectAddresses(allowList.entries)
    return {
      header: context.header,
      ...options.nft,
      v4: v4.map(toElement),
      v6: v6.map(toElement),
      chain: options.chain === 'none' ? false : options.chain,
      hostTraffic: options.chain === 'output',
    }
  },
}

function toElement({address, names}: ObservedAddress): NftElement {
  const shown = names.slice(0, NAMES_PER_ADDRESS).join(' ')
  const more = names.length - NAMES_PER_ADDRESS
  return {address, names: more > 0 ? `${shown} and ${more} more` : shown}
}

export default nftables
