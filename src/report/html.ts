/**
 * The self-contained HTML report: one file with its stylesheet, script and CNAME picture inline,
 * nothing fetched. A strict Content-Security-Policy allows exactly the one style and one script
 * block by hash, so even a name that slipped past escaping could not run or load anything.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {AllowlistError} from '../errors.js'
import {BUILTIN_TEMPLATE_DIR, compileTemplate} from '../render/templates.js'
import {renderCnameSvg} from './cname-svg.js'
import {buildHtmlView} from './html-view.js'
import type {ReportModel} from './model.js'

/** The report template folder: `report.html.hbs`, its partials, `report.css`, `report.js`. */
const REPORT_TEMPLATE_DIR = join(BUILTIN_TEMPLATE_DIR, 'report')

/**
 * Render the report page.
 *
 * @param model The report model.
 * @param header Header lines shown under the title.
 * @returns The HTML document, ending in a newline.
 */
export async function renderReportHtml(
  model: ReportModel,
  header: readonly string[],
): Promise<string> {
  const [template, style, script] = await Promise.all([
    compileTemplate(join(REPORT_TEMPLATE_DIR, 'report.html.hbs'), true),
    readAsset('report.css'),
    readAsset('report.js'),
  ])
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(style)}'`,
    `script-src '${sha256(script)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  const html = template({
    ...buildHtmlView(model, header),
    svg: renderCnameSvg(model.cname),
    style,
    script,
    csp,
  })
  return html.endsWith('\n') ? html : `${html}\n`
}

/** A CSP source expression for an inline block: the hash of its exact text. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
}

async function readAsset(name: string): Promise<string> {
  const path = join(REPORT_TEMPLATE_DIR, name)
  try {
    // Trailing newlines trimmed so the inline block (and its hash) does not depend on an editor.
    return (await readFile(path, 'utf8')).trimEnd()
  } catch (error) {
    throw new AllowlistError(`Cannot read report asset \`${path}\`: ${(error as Error).message}`, {
      exit: 'input',
      file: path,
      cause: error,
    })
  }
}
