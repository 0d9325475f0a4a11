/**
 * `cilium` output checked against the CiliumNetworkPolicy CRD schema (the subset in
 * test/fixtures, validated with ajv after parsing the YAML), and for what each selector allows.
 */
import {describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {checkCiliumPolicy, validateCiliumPolicy as validate} from '../support/cilium-policy.js'

const list = allowListOf([
  entry('example.com', {includesSubdomains: true}),
  entry('registry.npmjs.org'),
  entry('_acme-challenge.example.org'),
])

interface Policy {
  metadata: {name: string; namespace?: string}
  spec: {
    egress: Array<{
      toFQDNs?: Array<Record<string, string>>
      toEndpoints?: unknown[]
      toPorts?: unknown[]
    }>
  }
}

/** Parse the YAML and validate it; the errors are part of the failure message. */
function loadPolicy(text: string): Policy {
  const {document, errors} = checkCiliumPolicy(text)
  expect(errors, text).toEqual([])
  return document as Policy
}

describe('format cilium', () => {
  it('should write a policy the CRD schema accepts', async () => {
    loadPolicy(await renderFormat(list, {format: 'cilium'}))
  })

  it('should select exact names by matchName and domains by matchName plus a ** pattern', async () => {
    const policy = loadPolicy(await renderFormat(list, {format: 'cilium'}))
    expect(policy.spec.egress[1]).toEqual({
      toFQDNs: [
        {matchName: '_acme-challenge.example.org'},
        {matchName: 'example.com'},
        {matchPattern: '**.example.com'},
        {matchName: 'registry.npmjs.org'},
      ],
    })
  })

  it('should allow DNS to kube-dns through the DNS proxy, which FQDN rules depend on', async () => {
    const policy = loadPolicy(await renderFormat(list, {format: 'cilium'}))
    expect(policy.spec.egress[0]).toEqual({
      toEndpoints: [
        {
          matchLabels: {
            'k8s:io.kubernetes.pod.namespace': 'kube-system',
            'k8s:k8s-app': 'kube-dns',
          },
        },
      ],
      toPorts: [{ports: [{port: '53', protocol: 'ANY'}], rules: {dns: [{matchPattern: '*'}]}}],
    })
  })

  it('should write single-level patterns for clusters older than Cilium 1.19', async () => {
    const policy = loadPolicy(
      await renderFormat(list, {format: 'cilium', formatOptions: {subdomains: 'single-level'}}),
    )
    expect(policy.spec.egress[1]?.toFQDNs).toContainEqual({matchPattern: '*.example.com'})
  })

  it('should set the name and namespace it is given', async () => {
    const policy = loadPolicy(
      await renderFormat(list, {
        format: 'cilium',
        formatOptions: {name: 'build-egress', namespace: 'ci'},
      }),
    )
    expect(policy.metadata).toEqual({name: 'build-egress', namespace: 'ci'})
  })

  it('should keep only the DNS rule for an empty list, so all other egress is denied', async () => {
    const policy = loadPolicy(await renderFormat(allowListOf([]), {format: 'cilium'}))
    expect(policy.spec.egress).toHaveLength(1)
  })

  it('should have the schema reject what Cilium would reject', () => {
    const bad = {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: {name: 'x'},
      spec: {
        endpointSelector: {},
        egress: [{toFQDNs: [{matchName: 'a.com', matchPattern: '*.a.com'}]}],
      },
    }
    expect(validate(bad)).toBe(false)
    expect(
      validate({...bad, spec: {endpointSelector: {}, egress: [{toFQDNs: [{matchName: 'a b'}]}]}}),
    ).toBe(false)
  })

  it.each([
    [{name: 'Build_Egress'}, /option `name` of format `cilium`, expected a Kubernetes object name/],
    [{namespace: 'a.b'}, /option `namespace` of format `cilium`, expected a Kubernetes namespace/],
    [
      {subdomains: 'deep'},
      /option `subdomains` of format `cilium`, expected `multi-level`, `single-level`/,
    ],
  ])('should refuse the option %j', async (formatOptions, message) => {
    await expect(renderFormat(list, {format: 'cilium', formatOptions})).rejects.toThrow(message)
  })
})
