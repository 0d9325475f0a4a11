/**
 * The flags every rendering command shares (`compile`, and anything else that writes formats):
 * template overrides, `--timestamp`, and per-format options. `renderSettingsFromFlags` turns the
 * parsed values into `renderFormat` settings, with only the options a flag actually set, so
 * `compile` can lay them over the config file's `formats.<name>` objects key by key.
 */
import {Flags} from '@oclif/core'

/** Format options by format name, as config `formats` holds them. */
export type FormatOptionsByFormat = Record<string, Record<string, unknown>>

export interface RenderSettings {
  templateDir?: string
  templateFile?: string
  timestamp?: Date
  formatOptions: FormatOptionsByFormat
}

const optionsGroup = 'FORMAT OPTIONS'

export const renderFlags = {
  template: Flags.string({
    description: 'Render with this Handlebars file instead of the format template (one format).',
    helpValue: 'FILE.hbs',
  }),
  'template-dir': Flags.string({
    description: 'Look for <format>/main.hbs here before the built-in templates.',
    helpValue: 'DIR',
  }),
  timestamp: Flags.boolean({
    description:
      'Add a `generated:` header line with the current time (output then differs per run).',
  }),
  'squid-mode': Flags.string({
    description:
      'squid: `acl` lines to include, or a domain `file` for acl NAME dstdomain "/path".',
    options: ['acl', 'file'],
    helpGroup: optionsGroup,
  }),
  'squid-acl': Flags.string({
    description: 'squid: the ACL name (default allowlist).',
    helpGroup: optionsGroup,
  }),
  'squid-http-access': Flags.boolean({
    description: 'squid: append http_access allow ACL / http_access deny all.',
    allowNo: true,
    helpGroup: optionsGroup,
  }),
  'nft-table': Flags.string({
    description: 'nftables and dnsmasq nftset: the table name (default allowlist).',
    helpGroup: optionsGroup,
  }),
  'nft-set-v4': Flags.string({
    description: 'nftables and dnsmasq: IPv4 set name (default allow_v4).',
    helpGroup: optionsGroup,
  }),
  'nft-set-v6': Flags.string({
    description: 'nftables and dnsmasq: IPv6 set name (default allow_v6).',
    helpGroup: optionsGroup,
  }),
  'nft-chain': Flags.string({
    description: 'nftables: add a chain on this hook that drops traffic to other addresses.',
    options: ['none', 'output', 'forward'],
    helpGroup: optionsGroup,
  }),
  upstream: Flags.string({
    description:
      'dnsmasq: where allowed names are forwarded, ADDRESS[#PORT] (repeatable; default 127.0.0.53).',
    multiple: true,
    helpGroup: optionsGroup,
  }),
  'dnsmasq-exact': Flags.string({
    description:
      'dnsmasq: `strict` keeps exact entries exact (dnsmasq 2.86+); `widen` forwards their subdomains too.',
    options: ['strict', 'widen'],
    helpGroup: optionsGroup,
  }),
  'dnsmasq-nftset': Flags.boolean({
    description: 'dnsmasq: add nftset= lines filling the nftables sets.',
    allowNo: true,
    helpGroup: optionsGroup,
  }),
  'dnsmasq-ipset': Flags.boolean({
    description: 'dnsmasq: add ipset= lines filling ipsets named like the nftables sets.',
    allowNo: true,
    helpGroup: optionsGroup,
  }),
  proxy: Flags.string({
    description: 'pac: send allowed hosts through this proxy (PROXY HOST:PORT) instead of DIRECT.',
    helpValue: 'HOST:PORT',
    exclusive: ['pac-allowed'],
    helpGroup: optionsGroup,
  }),
  'pac-allowed': Flags.string({
    description: 'pac: result for allowed hosts (default DIRECT).',
    helpGroup: optionsGroup,
  }),
  'pac-blocked': Flags.string({
    description: 'pac: result for other hosts (default PROXY 127.0.0.1:9, a blackhole).',
    helpGroup: optionsGroup,
  }),
  'hosts-addresses': Flags.string({
    description: 'hosts: `none` for names only, `observed` for ADDRESS name lines.',
    options: ['none', 'observed'],
    helpGroup: optionsGroup,
  }),
  'rpz-serial': Flags.integer({
    description: 'rpz: SOA serial (default: --timestamp seconds, else 1).',
    min: 1,
    helpGroup: optionsGroup,
  }),
  'rpz-ttl': Flags.integer({
    description: 'rpz: TTL of every record (default 300).',
    min: 0,
    helpGroup: optionsGroup,
  }),
  'cilium-name': Flags.string({
    description: 'cilium: metadata.name of the policy (default allowlist-egress).',
    helpGroup: optionsGroup,
  }),
  'cilium-namespace': Flags.string({
    description: 'cilium: metadata.namespace (default: none, kubectl -n decides).',
    helpGroup: optionsGroup,
  }),
  'cilium-subdomains': Flags.string({
    description:
      'cilium: `multi-level` writes **.d (Cilium 1.19+); `single-level` writes *.d, one label deep.',
    options: ['multi-level', 'single-level'],
    helpGroup: optionsGroup,
  }),
  'harden-runner-ports': Flags.string({
    description: 'harden-runner: ports allowed for every host, comma-separated (default 443).',
    helpValue: 'PORT[,PORT]',
    helpGroup: optionsGroup,
  }),
  'harden-runner-uses': Flags.string({
    description: 'harden-runner: the action reference (default step-security/harden-runner@v2).',
    helpGroup: optionsGroup,
  }),
  'adblock-syntax': Flags.string({
    description: 'adblock: `browser` (uBlock Origin, AdGuard) or `dns` (AdGuard Home) rules.',
    options: ['browser', 'dns'],
    helpGroup: optionsGroup,
  }),
  'adblock-title': Flags.string({
    description: 'adblock: a `! Title:` line for list managers.',
    helpGroup: optionsGroup,
  }),
  'haproxy-acl': Flags.string({
    description: 'haproxy: the ACL name the lines define (default allowlist).',
    helpGroup: optionsGroup,
  }),
}

/** What oclif hands back for `renderFlags`, every value optional. */
export type RenderFlagValues = {
  [Key in keyof typeof renderFlags]?: unknown
}

/** Which format option each flag sets: `[format, option key]` pairs. */
const flagTargets: Record<string, ReadonlyArray<readonly [string, string]>> = {
  'squid-mode': [['squid', 'mode']],
  'squid-acl': [['squid', 'acl']],
  'squid-http-access': [['squid', 'httpAccess']],
  'nft-table': [
    ['nftables', 'table'],
    ['dnsmasq', 'nftTable'],
  ],
  'nft-set-v4': [
    ['nftables', 'setV4'],
    ['dnsmasq', 'nftSetV4'],
  ],
  'nft-set-v6': [
    ['nftables', 'setV6'],
    ['dnsmasq', 'nftSetV6'],
  ],
  'nft-chain': [['nftables', 'chain']],
  upstream: [['dnsmasq', 'upstream']],
  'dnsmasq-exact': [['dnsmasq', 'exactNames']],
  'dnsmasq-nftset': [['dnsmasq', 'nftset']],
  'dnsmasq-ipset': [['dnsmasq', 'ipset']],
  'pac-allowed': [['pac', 'allowed']],
  'pac-blocked': [['pac', 'blocked']],
  'hosts-addresses': [['hosts', 'addresses']],
  'rpz-serial': [['rpz', 'serial']],
  'rpz-ttl': [['rpz', 'ttl']],
  'cilium-name': [['cilium', 'name']],
  'cilium-namespace': [['cilium', 'namespace']],
  'cilium-subdomains': [['cilium', 'subdomains']],
  'harden-runner-ports': [['harden-runner', 'ports']],
  'harden-runner-uses': [['harden-runner', 'uses']],
  'adblock-syntax': [['adblock', 'syntax']],
  'adblock-title': [['adblock', 'title']],
  'haproxy-acl': [['haproxy', 'acl']],
}

/**
 * Turn parsed flags into render settings.
 *
 * @param flags Parsed flag values; absent flags are `undefined`.
 * @param now The instant `--timestamp` stands for.
 * @returns Template paths, the timestamp, and the format options the flags set (nothing else).
 */
export function renderSettingsFromFlags(
  flags: RenderFlagValues,
  now: Date = new Date(),
): RenderSettings {
  const formatOptions: FormatOptionsByFormat = {}
  const set = (format: string, key: string, value: unknown): void => {
    formatOptions[format] = {...formatOptions[format], [key]: value}
  }
  for (const [flag, targets] of Object.entries(flagTargets)) {
    const value = flags[flag as keyof RenderFlagValues]
    if (value === undefined) continue
    for (const [format, key] of targets) set(format, key, value)
  }
  if (typeof flags.proxy === 'string') set('pac', 'allowed', `PROXY ${flags.proxy}`)
  return {
    ...(typeof flags['template-dir'] === 'string' ? {templateDir: flags['template-dir']} : {}),
    ...(typeof flags.template === 'string' ? {templateFile: flags.template} : {}),
    ...(flags.timestamp === true ? {timestamp: now} : {}),
    formatOptions,
  }
}
