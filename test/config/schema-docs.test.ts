import {readFile} from 'node:fs/promises'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {configJsonSchema} from '../../src/config/schema.js'

const root = new URL('../../', import.meta.url)

/** The ```json blocks of one `## ` section of a Markdown file: there, every one is a config. */
async function jsonBlocks(path: string, heading: string): Promise<unknown[]> {
  const text = await readFile(new URL(path, root), 'utf8')
  const start = text.indexOf(`\n${heading}`)
  if (start === -1) throw new Error(`No section \`${heading}\` in ${path}`)
  const end = text.indexOf('\n## ', start + 1)
  const section = text.slice(start, end === -1 ? undefined : end)
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] ?? ''))
}

describe('the shipped JSON Schema', () => {
  const validate = new Ajv2020({strict: true}).compile(configJsonSchema())

  it('should accept every example config in the policy section of README.md and the fixture configs', async () => {
    const examples = [
      ...(await jsonBlocks('README.md', '## Policy: what goes on the list')),
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
