import {Parser} from '@oclif/core'
import {describe, expect, it} from 'vitest'
import {renderFlags, renderSettingsFromFlags} from '../../src/cli/render-flags.js'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'

async function settingsFor(argv: string[], now?: Date) {
  const {flags} = await Parser.parse(argv, {flags: renderFlags, strict: true})
  return renderSettingsFromFlags(flags, now)
}

describe('render flags', () => {
  it('should set nothing when no flag is given', async () => {
    expect(await settingsFor([])).toEqual({formatOptions: {}})
  })

  it('should map each flag to the options of the formats it concerns', async () => {
    const now = new Date(Date.UTC(2026, 11, 4))
    const settings = await settingsFor(
      [
        '--template-dir=tpl',
        '--timestamp',
        '--squid-mode=file',
        '--no-squid-http-access',
        '--nft-table=egress',
        '--nft-chain=forward',
        '--upstream=127.0.2.1#5353',
        '--upstream=::1',
        '--dnsmasq-nftset',
        '--proxy=proxy.internal:3128',
        '--rpz-serial=7',
      ],
      now,
    )
    expect(settings).toEqual({
      templateDir: 'tpl',
      timestamp: now,
      formatOptions: {
        squid: {mode: 'file', httpAccess: false},
        nftables: {table: 'egress', chain: 'forward'},
        dnsmasq: {nftTable: 'egress', upstream: ['127.0.2.1#5353', '::1'], nftset: true},
        pac: {allowed: 'PROXY proxy.internal:3128'},
        rpz: {serial: 7},
      },
    })
  })

  it('should refuse --proxy together with --pac-allowed', async () => {
    await expect(settingsFor(['--proxy=p:1', '--pac-allowed=DIRECT'])).rejects.toThrow(
      /cannot also be provided/,
    )
  })

  it('should give options every format accepts', async () => {
    const settings = await settingsFor([
      '--squid-acl=builders',
      '--squid-http-access',
      '--nft-set-v4=v4',
      '--nft-set-v6=v6',
      '--dnsmasq-exact=widen',
      '--dnsmasq-ipset',
      '--pac-allowed=DIRECT',
      '--pac-blocked=PROXY 127.0.0.1:9',
      '--hosts-addresses=observed',
      '--rpz-ttl=60',
    ])
    const list = allowListOf([entry('example.com', {addresses: {v4: ['192.0.2.1'], v6: []}})])
    for (const [format, formatOptions] of Object.entries(settings.formatOptions)) {
      await expect(renderFormat(list, {format, formatOptions})).resolves.toContain('example.com')
    }
  })
})
