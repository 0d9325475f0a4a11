import {readFile} from 'node:fs/promises'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {configJsonSchema} from '../../src/config/schema.js'

const root = new URL('../../', import.meta.url)

/** The ```json blocks of a Markdown file that look like configs (objects). */
async function jsonBlocks(path: string): Promise<unknown[]> {
  const text = await readFile(new URL(path, root), 'utf8')
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] ?? ''))
}

describe('the shipped JSON Schema', () => {
  const validate = new Ajv2020({strict: true}).compile(configJsonSchema())

  it('should accept every example config in docs/policy.md and the fixture configs', async () => {
    const examples = [
      ...(await jsonBlocks('docs/policy.md')),
      JSON.parse(
        await readFile(new URL('fixtures/config-auto/allowlist.config.json', root), 'utf8'),
      ),
    ]
    expect(examples.length).toBeGreaterThanOrEqual(2)
    for (const example of examples) {
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
    }
  })

  it('should reject an unknown key and a wrong collapse mode', () => {
    expect(validate({colapse: 'exact'})).toBe(false)
    expect(validate({collapse: 'wide'})).toBe(false)
  })
})
