/**
 * `hosts`: one name a line, for tools that read a hosts-style name list; with
 * `addresses: observed`, an `/etc/hosts` file pinning each name to the addresses seen for it
 * (useful to run a job offline against a recorded resolution). A hosts file cannot say "and its
 * subdomains", so an entry that includes them is written as its name alone.
 */
import type {FormatDefinition} from './types.js'
import {collectAddresses} from '../addresses.js'
import {choiceOption, rejectUnknownOptions} from './options.js'

export interface HostsOptions {
  /** `none`: names only; `observed`: `ADDRESS name` lines from the observed answers. */
  addresses: 'none' | 'observed'
}

export interface HostsView {
  header: string[]
  /** Complete lines: `name`, or `address name` (a comment when none was observed). */
  lines: string[]
}

const hosts: FormatDefinition<HostsOptions, HostsView> = {
  name: 'hosts',
  description: 'One name a line, or /etc/hosts lines with the observed addresses',
  fileName: 'allowlist.hosts',
  parseOptions(raw) {
    rejectUnknownOptions('hosts', raw, ['addresses'])
    return {addresses: choiceOption('hosts', raw, 'addresses', ['none', 'observed'], 'none')}
  },
  buildView(allowList, options, context) {
    // Names under an included domain stay: a hosts file cannot cover them through their parent.
    const entries = [...new Map(allowList.entries.map((entry) => [entry.name, entry])).values()]
    if (options.addresses === 'none') {
      return {header: context.header, lines: entries.map((entry) => entry.name)}
    }
    const lines = entries.flatMap((entry) => {
      const {v4, v6} = collectAddresses([entry])
      const pinned = [...v4, ...v6].map(({address}) => `${address} ${entry.name}`)
      return pinned.length > 0 ? pinned : [`# no address observed: ${entry.name}`]
    })
    return {header: context.header, lines}
  },
}

export default hosts
