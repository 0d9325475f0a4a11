/**
 * `allowlist report`: what was observed, what policy kept and dropped and why, and the CNAME
 * chains, from a graph after policy and the list it produced. HTML for people, DOT or Mermaid
 * for the CNAME graph alone.
 */
import type {AllowList} from '../graph/entry.js'
import type {Root} from '../graph/types.js'
import {headerLines} from '../render/header.js'
import {renderCnameDot} from './cname-dot.js'
import {renderCnameMermaid} from './cname-mermaid.js'
import {renderReportHtml} from './html.js'
import {buildReportModel, type ReportModel} from './model.js'

export type {ReportModel, NameRow, NameStatus, EntryBlock, CnameLink, CnameNode} from './model.js'
export {buildReportModel} from './model.js'

/** Output shapes of `allowlist report`. */
export const REPORT_FORMATS = ['html', 'dot', 'mermaid'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface RenderReportOptions {
  /** `html` (default): the full page; `dot`, `mermaid`: the CNAME graph alone. */
  format?: ReportFormat | undefined
  /** Shown as a `generated:` line; leave unset for byte-identical output. */
  timestamp?: Date | undefined
}

/**
 * Render a report.
 *
 * @param tree The graph after policy: observations plus `data.decision` on each observed name.
 * @param allowList The list policy produced from `tree`.
 * @param options Format and optional timestamp.
 * @returns The document text, ending in a newline; identical for identical input.
 */
export async function renderReport(
  tree: Root,
  allowList: AllowList,
  options: RenderReportOptions = {},
): Promise<string> {
  return renderReportModel(buildReportModel(tree, allowList), allowList, options)
}

/**
 * Render a report from a model already built (a caller that also wants its counts builds it once).
 *
 * @param model `buildReportModel(tree, allowList)`.
 * @param allowList The same list, for the header lines.
 * @param options Format and optional timestamp.
 */
export async function renderReportModel(
  model: ReportModel,
  allowList: AllowList,
  options: RenderReportOptions = {},
): Promise<string> {
  const header = headerLines(allowList, options.timestamp)
  switch (options.format ?? 'html') {
    case 'html':
      return renderReportHtml(model, header)
    case 'dot':
      return renderCnameDot(model.cname, header)
    case 'mermaid':
      return renderCnameMermaid(model.cname, header)
    default:
      throw new TypeError(
        `renderReport: expected format ${REPORT_FORMATS.join(', ')}, got ${JSON.stringify(options.format)}`,
      )
  }
}
