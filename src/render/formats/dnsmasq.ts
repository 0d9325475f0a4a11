/**
 * `dnsmasq`: an allow-only resolver. Each allowed domain is forwarded to the upstream
 * (`server=/example.com/UPSTREAM`); `no-resolv` leaves dnsmasq without a default server, so every
 * other name is answered REFUSED. `server=/d/` always covers subdomains, so an exact entry also
 * gets `local=/*.d/` (dnsmasq 2.86+), which answers its subdomains NXDOMAIN locally;
 * `exactNames: widen` drops those lines for older dnsmasq. Optional `nftset=`/`ipset=` lines put
 * every answer for an allowed domain into the `nftables` format's sets, so the firewall follows
 * DNS. The file holds no `listen-address`/`port`, so it also works as LXD `raw.dnsmasq`.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {DNS_SERVER} from './dns-server.js'
import {type NftNames, nftNamesOption} from './nft-names.js'
import {booleanOption, choiceOption, rejectUnknownOptions, stringListOption} from './options.js'

export interface DnsmasqOptions {
  /** Where allowed names are forwarded, `ADDRESS[#PORT]`; each gets its own `server=` line. */
  upstream: string[]
  /** `strict`: subdomains of exact entries answer NXDOMAIN; `widen`: they are forwarded too. */
  exactNames: 'strict' | 'widen'
  /** Add `nftset=` lines filling the nftables sets. */
  nftset: boolean
  /** Add `ipset=` lines filling ipsets named like the nftables sets. */
  ipset: boolean
  nft: NftNames
}

export interface DnsmasqView {
  header: string[]
  upstreams: string[]
  entries: {name: string; exact: boolean}[]
  /** The `nftset=/d/` target, or `false` when not asked for. */
  nftset: string | false
  /** The `ipset=/d/` target, or `false` when not asked for. */
  ipset: string | false
}

/** The systemd-resolved stub, present on most LXD hosts. */
export const DEFAULT_UPSTREAM = '127.0.0.53'

const dnsmasq: FormatDefinition<DnsmasqOptions, DnsmasqView> = {
  name: 'dnsmasq',
  description:
    'Allow-only resolver: allowed domains forwarded upstream, the rest refused; optional nftset/ipset',
  fileName: 'allowlist.dnsmasq.conf',
  parseOptions(raw) {
    rejectUnknownOptions('dnsmasq', raw, [
      'upstream',
      'exactNames',
      'nftset',
      'ipset',
      'nftTable',
      'nftSetV4',
      'nftSetV6',
    ])
    return {
      upstream: stringListOption('dnsmasq', raw, 'upstream', [DEFAULT_UPSTREAM], DNS_SERVER),
      exactNames: choiceOption('dnsmasq', raw, 'exactNames', ['strict', 'widen'], 'strict'),
      nftset: booleanOption('dnsmasq', raw, 'nftset', false),
      ipset: booleanOption('dnsmasq', raw, 'ipset', false),
      nft: nftNamesOption('dnsmasq', raw, {
        table: 'nftTable',
        setV4: 'nftSetV4',
        setV6: 'nftSetV6',
      }),
    }
  },
  buildView(allowList, options, context) {
    const widen = options.exactNames === 'widen'
    const {table, setV4, setV6} = options.nft
    return {
      header: context.header,
      upstreams: [...new Set(options.upstream)],
      entries: uncoveredEntries(allowList.entries, {everyEntryCoversSubdomains: widen}).map(
        (entry) => ({name: entry.name, exact: !widen && !entry.includesSubdomains}),
      ),
      nftset: options.nftset ? `4#inet#${table}#${setV4},6#inet#${table}#${setV6}` : false,
      ipset: options.ipset ? `${setV4},${setV6}` : false,
    }
  },
}

export default dnsmasq
