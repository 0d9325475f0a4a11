/**
 * `harden-runner` output read back as YAML, with its endpoints matched the way the
 * StepSecurity agent matches them: the value split on spaces, `host:port` each, a `*.`
 * endpoint as a suffix of the queried name.
 */
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {isHostname} from '../../src/graph/hostname.js'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'

const list = allowListOf([
  entry('example.com', {includesSubdomains: true}),
  entry('registry.npmjs.org'),
])

interface Step {
  name: string
  uses: string
  with: {'egress-policy': string; 'allowed-endpoints': string}
}

async function loadStep(formatOptions: Record<string, unknown> = {}): Promise<Step> {
  const steps = parse(await renderFormat(list, {format: 'harden-runner', formatOptions})) as Step[]
  expect(steps).toHaveLength(1)
  return steps[0] as Step
}

/** The agent's rule: exact `host`, or `*.suffix` matching any name that ends in `.suffix`. */
function allows(endpoints: string[], host: string, port: number): boolean {
  return endpoints.some((endpoint) => {
    const [pattern, allowedPort] = endpoint.split(':')
    if (Number(allowedPort) !== port) return false
    return pattern?.startsWith('*.') ? host.endsWith(pattern.slice(1)) : pattern === host
  })
}

describe('format harden-runner', () => {
  it('should write one blocking step whose endpoints are host:443, space-separated', async () => {
    const step = await loadStep()
    expect(step.uses).toBe('step-security/harden-runner@v2')
    expect(step.with['egress-policy']).toBe('block')
    const endpoints = step.with['allowed-endpoints'].split(' ')
    expect(endpoints).toEqual(['example.com:443', '*.example.com:443', 'registry.npmjs.org:443'])
    for (const endpoint of endpoints) {
      const [host, port] = endpoint.split(':')
      expect(isHostname((host ?? '').replace(/^\*\./, ''))).toBe(true)
      expect(port).toBe('443')
    }
  })

  it('should allow a domain at every depth and exact names only as themselves', async () => {
    const endpoints = (await loadStep()).with['allowed-endpoints'].split(' ')
    expect(allows(endpoints, 'example.com', 443)).toBe(true)
    expect(allows(endpoints, 'a.b.example.com', 443)).toBe(true)
    expect(allows(endpoints, 'badexample.com', 443)).toBe(false)
    expect(allows(endpoints, 'registry.npmjs.org', 443)).toBe(true)
    expect(allows(endpoints, 'a.registry.npmjs.org', 443)).toBe(false)
    expect(allows(endpoints, 'registry.npmjs.org', 80)).toBe(false)
  })

  it('should repeat each host for every port asked for, and take a pinned action', async () => {
    const step = await loadStep({ports: '443,80', uses: 'step-security/harden-runner@0123abc'})
    expect(step.uses).toBe('step-security/harden-runner@0123abc')
    expect(step.with['allowed-endpoints'].split(' ')).toEqual([
      'example.com:80',
      'example.com:443',
      '*.example.com:80',
      '*.example.com:443',
      'registry.npmjs.org:80',
      'registry.npmjs.org:443',
    ])
  })

  it('should block everything for an empty list', async () => {
    const steps = parse(await renderFormat(allowListOf([]), {format: 'harden-runner'})) as Step[]
    expect(steps[0]?.with).toEqual({'egress-policy': 'block', 'allowed-endpoints': ''})
  })

  it.each([
    [{ports: '0'}, /option `ports` of format `harden-runner`, expected ports between 1 and 65535/],
    [{ports: '65536'}, /expected ports between 1 and 65535/],
    [{ports: '443 80'}, /expected ports between 1 and 65535/],
    [
      {uses: 'x\nrun: curl evil'},
      /option `uses` of format `harden-runner`, expected an action reference/,
    ],
  ])('should refuse the option %j', async (formatOptions, message) => {
    await expect(renderFormat(list, {format: 'harden-runner', formatOptions})).rejects.toThrow(
      message,
    )
  })
})
