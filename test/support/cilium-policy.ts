/**
 * Check a rendered `CiliumNetworkPolicy` as the API server would: the YAML parsed, then
 * validated against the CRD's OpenAPI schema (the subset in test/fixtures) with ajv.
 */
import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import {parse} from 'yaml'

const schema = parse(
  readFileSync(new URL('../fixtures/cilium-network-policy.schema.yaml', import.meta.url), 'utf8'),
) as object

/** The compiled schema; call it on a parsed document (it records `errors` on itself). */
export const validateCiliumPolicy = new Ajv({allErrors: true, strict: true}).compile(schema)

/**
 * Parse and validate a policy.
 *
 * @returns The document, and the schema errors as text (empty when valid).
 */
export function checkCiliumPolicy(text: string): {document: unknown; errors: string[]} {
  const document = parse(text) as unknown
  const valid = validateCiliumPolicy(document)
  const errors = valid
    ? []
    : (validateCiliumPolicy.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
  return {document, errors}
}
