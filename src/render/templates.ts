/**
 * Finding and compiling templates. Every render gets its own `Handlebars.create()` environment,
 * so helpers and partials of one format (or one user's template directory) never leak into
 * another. Templates compile with `noEscape` (HTML escaping would corrupt configs: `'` becomes
 * `&#x27;`) and `strict` (a field missing from the view throws instead of rendering as empty).
 */
import Handlebars from 'handlebars'
import {existsSync, readdirSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import {basename, dirname, extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {AllowlistError} from '../errors.js'

/** The built-in templates shipped with the package (`templates/<format>/main.hbs` + partials). */
export const BUILTIN_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

/** A compiled template, ready to render a view. */
export type CompiledTemplate = (view: object) => string

/**
 * Where the template of `format` lives: the user's `templateDir` first, then the built-ins.
 *
 * @returns The path of `main.hbs`, or `undefined` when neither has the format.
 */
export function findTemplate(format: string, templateDir?: string): string | undefined {
  for (const root of templateDir === undefined
    ? [BUILTIN_TEMPLATE_DIR]
    : [templateDir, BUILTIN_TEMPLATE_DIR]) {
    const main = join(root, format, 'main.hbs')
    if (existsSync(main)) return main
  }
  return undefined
}

/**
 * The formats a template directory provides: its folders holding a `main.hbs`.
 *
 * @param templateDir The `--template-dir`.
 * @returns Folder names, sorted.
 */
export function templateFolders(templateDir: string): string[] {
  let items
  try {
    items = readdirSync(templateDir, {withFileTypes: true})
  } catch (error) {
    throw new AllowlistError(
      `Cannot read template directory \`${templateDir}\`: ${(error as Error).message}`,
      {exit: 'input', file: templateDir, cause: error},
    )
  }
  return items
    .filter((item) => item.isDirectory() && existsSync(join(templateDir, item.name, 'main.hbs')))
    .map((item) => item.name)
    .sort()
}

/**
 * Compile a main template; every other `.hbs` file beside it becomes a partial named after it.
 *
 * @param mainPath Path of the main template.
 * @param withPartials Register sibling `.hbs` files as partials (a lone `--template` file has none).
 */
export async function compileTemplate(
  mainPath: string,
  withPartials: boolean,
): Promise<CompiledTemplate> {
  const environment = Handlebars.create()
  registerHelpers(environment)
  const source = await readTemplate(mainPath)
  if (withPartials) {
    const folder = dirname(mainPath)
    for (const file of (await readdir(folder)).sort()) {
      if (extname(file) !== '.hbs' || file === basename(mainPath)) continue
      environment.registerPartial(basename(file, '.hbs'), await readTemplate(join(folder, file)))
    }
  }
  try {
    const template = environment.compile(source, {noEscape: true, strict: true})
    return (view) => template(view)
  } catch (error) {
    throw new AllowlistError(
      `Cannot compile template \`${mainPath}\`: ${(error as Error).message}`,
      {
        exit: 'input',
        file: mainPath,
        cause: error,
      },
    )
  }
}

async function readTemplate(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new AllowlistError(`Cannot read template \`${path}\`: ${(error as Error).message}`, {
      exit: 'input',
      file: path,
      cause: error,
    })
  }
}

/** Layout helpers only; anything that needs escaping belongs in the view builder. */
function registerHelpers(environment: typeof Handlebars): void {
  // `{{comment header "# "}}`: each line prefixed, each ending in a newline.
  environment.registerHelper('comment', (lines: unknown, prefix: unknown) => {
    if (!Array.isArray(lines) || typeof prefix !== 'string') {
      throw new TypeError('comment: expected an array of lines and a prefix string')
    }
    return lines.map((line) => `${prefix}${String(line)}`.trimEnd() + '\n').join('')
  })
}
