/**
 * Rendering: an allow-list in, the text of one format out. The format's view builder checks and
 * escapes; the template (built-in, from `--template-dir`, or a lone `--template` file) lays out.
 * A template without a built-in format module gets the generic view: `entries`, `meta`, `header`.
 */
import {basename} from 'node:path'
import {AllowlistError} from '../errors.js'
import type {AllowList, Entry} from '../graph/entry.js'
import {isHostname} from '../graph/hostname.js'
import {builtinFormats} from './formats/index.js'
import {headerLines} from './header.js'
import {compileTemplate, findTemplate, templateFolders} from './templates.js'

export {writeOutputs} from './write.js'
export {ejectTemplates} from './eject.js'
export type {EjectOptions} from './eject.js'
export type {OutputTarget, RenderedOutput} from './write.js'

export interface RenderOptions {
  /** A built-in format name, or a format a `templateDir` (or `templateFile`) provides. */
  format: string
  /** Options for the format (config `formats.<name>` merged with flags). */
  formatOptions?: Readonly<Record<string, unknown>> | undefined
  /** A directory of `<format>/main.hbs` overriding or adding formats. */
  templateDir?: string | undefined
  /** One template file used instead of the format's own. */
  templateFile?: string | undefined
  /** Adds a `generated:` header line; leave unset for byte-identical output. */
  timestamp?: Date | undefined
}

export interface FormatInfo {
  name: string
  description: string
  fileName: string
  /** The `main.hbs` that renders it: from the template directory when it has one. */
  template: string
}

/**
 * Render `allowList` in one format.
 *
 * @param allowList Entries from policy; every name must be a valid hostname.
 * @param options Which format and template, and its options.
 * @returns The file content: LF line endings and a final newline.
 */
export async function renderFormat(input: AllowList, options: RenderOptions): Promise<string> {
  assertHostnames(input)
  // Sorted here as well as in policy: output must not depend on how a caller ordered entries.
  const allowList = {
    ...input,
    entries: [...input.entries].sort(compareEntries),
  }
  const definition = builtinFormats.get(options.format)
  const templatePath = options.templateFile ?? findTemplate(options.format, options.templateDir)
  if (templatePath === undefined) {
    throw new AllowlistError(
      `Unexpected format \`${options.format}\`, expected one of ${listFormats()
        .map((format) => `\`${format.name}\``)
        .join(', ')}${options.templateDir ? ` or a folder in \`${options.templateDir}\`` : ''}`,
      {exit: 'usage'},
    )
  }
  const template = await compileTemplate(templatePath, options.templateFile === undefined)
  const context = {header: headerLines(allowList, options.timestamp), timestamp: options.timestamp}
  const view = definition
    ? definition.buildView(allowList, definition.parseOptions(options.formatOptions ?? {}), context)
    : {entries: allowList.entries, meta: allowList.meta, header: context.header}
  return withFinalNewline(renderTemplate(template, view, templatePath))
}

/**
 * The formats `renderFormat` accepts, sorted by name.
 *
 * @param templateDir A `--template-dir`: its folders with a `main.hbs` are listed too, and
 *   `template` shows which built-ins it overrides.
 * @returns Name, description, file name under `--out-dir`, and the template that renders it.
 */
export function listFormats(templateDir?: string): FormatInfo[] {
  const formats = new Map<string, FormatInfo>()
  for (const {name, description, fileName} of builtinFormats.values()) {
    formats.set(name, {name, description, fileName, template: templateOf(name, templateDir)})
  }
  for (const name of templateDir === undefined ? [] : templateFolders(templateDir)) {
    if (formats.has(name)) continue
    formats.set(name, {
      name,
      description: 'Template without a format module (generic view: entries, meta, header)',
      fileName: name,
      template: templateOf(name, templateDir),
    })
  }
  return [...formats.values()].sort((a, b) => compareStrings(a.name, b.name))
}

function templateOf(format: string, templateDir: string | undefined): string {
  const path = findTemplate(format, templateDir)
  if (path === undefined) throw new TypeError(`listFormats: no template for \`${format}\``)
  return path
}

/** The file name a format is written to under `--out-dir`. */
export function outputFileName(format: string, templateFile?: string): string {
  if (templateFile !== undefined) return basename(templateFile).replace(/\.hbs$/, '')
  return builtinFormats.get(format)?.fileName ?? format
}

function renderTemplate(template: (view: object) => string, view: object, path: string): string {
  try {
    return template(view)
  } catch (error) {
    throw new AllowlistError(`Cannot render template \`${path}\`: ${(error as Error).message}`, {
      exit: 'input',
      file: path,
      cause: error,
    })
  }
}

/**
 * A total order: by name, then by everything else, so even duplicate names (which policy should
 * not produce) come out the same whatever order the caller passed them in.
 */
function compareEntries(a: Entry, b: Entry): number {
  return compareStrings(a.name, b.name) || compareStrings(JSON.stringify(a), JSON.stringify(b))
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function withFinalNewline(text: string): string {
  const normalised = text.replace(/\r\n/g, '\n')
  return normalised === '' || normalised.endsWith('\n') ? normalised : `${normalised}\n`
}

/** Policy only emits hostnames; anything else reaching here is a bug in the caller. */
function assertHostnames(allowList: AllowList): void {
  for (const entry of allowList.entries) {
    if (!isHostname(entry.name)) {
      throw new TypeError(
        `renderFormat: entry ${JSON.stringify(entry.name)} is not a valid hostname`,
      )
    }
  }
}
