import {describe, expect, it} from 'vitest'
import {configJsonSchema, configJsonSchemaText} from '../../src/config/schema.js'
import {expectGolden} from '../support/golden.js'

describe('config JSON Schema', () => {
  it('should ship exactly the schema generated from the zod schema', async () => {
    await expectGolden(
      new URL('../../schema/allowlist.config.schema.json', import.meta.url),
      configJsonSchemaText(),
    )
  })

  it('should forbid unknown keys and enumerate the collapse modes', () => {
    const schema = configJsonSchema() as {
      additionalProperties: boolean
      properties: {collapse: {enum: string[]}}
    }
    expect(schema.additionalProperties).toBe(false)
    expect(schema.properties.collapse.enum).toEqual(['exact', 'registrable', 'auto'])
  })
})
