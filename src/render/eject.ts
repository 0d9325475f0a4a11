/**
 * Copying the built-in templates out for editing (`allowlist templates eject`). The copy has the
 * same `<format>/main.hbs` layout `--template-dir` reads, so an edited file overrides its format
 * and a new folder adds one. Nothing is overwritten unless asked: an edited template is work.
 */
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {AllowlistError} from '../errors.js'
import {outputError} from '../fs/output-error.js'
import {writeFileAtomic} from '../fs/write-atomic.js'
import {listFormats} from './index.js'
import {BUILTIN_TEMPLATE_DIR} from './templates.js'

export interface EjectOptions {
  /** Only these formats; all built-ins when absent. */
  formats?: readonly string[] | undefined
  /** Replace files that already exist. */
  force?: boolean | undefined
}

/**
 * Copy built-in templates into `directory`.
 *
 * @param directory Where `<format>/*.hbs` go; created when missing.
 * @param options Which formats, and whether to overwrite.
 * @returns The files written, sorted.
 */
export async function ejectTemplates(
  directory: string,
  options: EjectOptions = {},
): Promise<string[]> {
  const known = listFormats().map((format) => format.name)
  const formats = options.formats ?? known
  for (const format of formats) {
    if (!known.includes(format)) {
      throw new AllowlistError(
        `Unexpected format \`${format}\`, expected one of ${known.map((name) => `\`${name}\``).join(', ')}`,
        {exit: 'usage'},
      )
    }
  }
  const copies: {from: string; to: string}[] = []
  for (const format of formats) {
    const source = join(BUILTIN_TEMPLATE_DIR, format)
    for (const file of (await readdir(source)).filter((name) => name.endsWith('.hbs')).sort()) {
      copies.push({from: join(source, file), to: join(directory, format, file)})
    }
  }
  const existing = copies.filter(({to}) => existsSync(to)).map(({to}) => to)
  if (existing.length > 0 && options.force !== true) {
    throw new AllowlistError(
      `Unexpected existing template \`${existing[0]}\`${existing.length > 1 ? ` and ${existing.length - 1} more` : ''}, expected a directory without them`,
      {
        exit: 'output',
        file: existing[0] as string,
        suggestions: ['Pass --force to overwrite them.'],
      },
    )
  }
  for (const {from, to} of copies) {
    try {
      await mkdir(dirname(to), {recursive: true})
      await writeFileAtomic(to, await readFile(from))
    } catch (error) {
      throw outputError(to, error)
    }
  }
  return copies.map(({to}) => to).sort()
}
