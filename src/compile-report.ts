/**
 * What `allowlist report` runs: logs (or saved graphs) through ingest and policy exactly as
 * `compile` does, then the report instead of allow-list formats, written atomically when a
 * target is given. The report module itself only ever sees a tree and a list.
 */
import {compile, type CompileInputsOptions} from './compile.js'
import {writeOutputs} from './render/index.js'
import {
  buildReportModel,
  renderReportModel,
  type ReportFormat,
  type ReportModel,
} from './report/index.js'

export interface CompileReportOptions extends Pick<
  CompileInputsOptions,
  'config' | 'configPath' | 'cwd' | 'collapse' | 'onProgress'
> {
  /** `html` (default), or `dot` / `mermaid` for the CNAME graph alone. */
  format?: ReportFormat | undefined
  /** Adds a `generated:` line; leave unset for byte-identical output. */
  timestamp?: Date | undefined
  /** Write the report to this file (atomically); otherwise it is only returned. */
  output?: string | undefined
}

export interface CompileReportResult {
  format: ReportFormat
  /** The report text. */
  content: string
  /** The file written, when `output` was given. */
  written: string | undefined
  /** What the report counts: names observed, kept, dropped, entries, domains, clients, links. */
  counts: ReportModel['counts']
}

/**
 * Build a report from inputs.
 *
 * @param inputs Log files (plain or gzip), `-` for stdin, or graph JSON documents.
 * @param options Format, policy config, output file.
 * @returns The report text, its counts and the file written.
 * @throws AllowlistError for unreadable inputs, invalid configs and unwritable outputs.
 */
export async function compileReport(
  inputs: readonly string[],
  options: CompileReportOptions = {},
): Promise<CompileReportResult> {
  const format = options.format ?? 'html'
  const {tree, allowList} = await compile(inputs, {
    formats: [],
    config: options.config,
    configPath: options.configPath,
    cwd: options.cwd,
    collapse: options.collapse,
    onProgress: options.onProgress,
  })
  const model = buildReportModel(tree, allowList)
  const content = await renderReportModel(model, allowList, {format, timestamp: options.timestamp})
  const written =
    options.output === undefined
      ? undefined
      : (await writeOutputs([{format, fileName: '', content}], {output: options.output}))[0]
  return {format, content, written, counts: model.counts}
}
