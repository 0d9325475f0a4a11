import {Parser} from '@oclif/core'
import {describe, expect, it} from 'vitest'
import {renderFlags, renderSettingsFromFlags} from '../../src/cli/render-flags.js'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'

describe('render flags for the ecosystem formats', () => {
  it('should map each flag to its format option, and give options the formats accept', async () => {
    const {flags} = await Parser.parse(
      [
        '--cilium-name=build-egress',
        '--cilium-namespace=ci',
        '--cilium-subdomains=single-level',
        '--harden-runner-ports=80,443',
        '--harden-runner-uses=step-security/harden-runner@v2.10.1',
        '--adblock-syntax=dns',
        '--adblock-title=Build egress',
        '--haproxy-acl=egress_ok',
      ],
      {flags: renderFlags, strict: true},
    )
    const {formatOptions} = renderSettingsFromFlags(flags)
    expect(formatOptions).toEqual({
      cilium: {name: 'build-egress', namespace: 'ci', subdomains: 'single-level'},
      'harden-runner': {ports: '80,443', uses: 'step-security/harden-runner@v2.10.1'},
      adblock: {syntax: 'dns', title: 'Build egress'},
      haproxy: {acl: 'egress_ok'},
    })
    const list = allowListOf([entry('example.com', {includesSubdomains: true})])
    const outputs = await Promise.all(
      Object.entries(formatOptions).map(([format, options]) =>
        renderFormat(list, {format, formatOptions: options}),
      ),
    )
    expect(outputs[0]).toContain('matchPattern: "*.example.com"')
    expect(outputs[1]).toContain('*.example.com:80')
    expect(outputs[2]).toContain('! Title: Build egress')
    expect(outputs[3]).toContain('acl egress_ok req.ssl_sni -i -m end .example.com')
  })

  it('should refuse a value outside the choices', async () => {
    await expect(
      Parser.parse(['--cilium-subdomains=deep'], {flags: renderFlags, strict: true}),
    ).rejects.toThrow(/Expected --cilium-subdomains=deep to be one of: multi-level, single-level/)
  })
})
