/**
 * `allowlist report`: one self-contained HTML page (or the CNAME graph as DOT or Mermaid)
 * showing what was observed, what policy kept or dropped and why.
 */
import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {policyFlags} from '../cli/policy-flags.js'
import {createProgressLine} from '../cli/progress.js'
import {renderFlags} from '../cli/render-flags.js'
import {compileReport, type CompileReportResult} from '../compile-report.js'
import {exitCodesHelp} from '../exit-codes.js'
import {REPORT_FORMATS} from '../report/index.js'

/** What `--json` prints: the report's counts and where it went, never the document itself. */
export type ReportCommandResult = Omit<CompileReportResult, 'content' | 'written'> & {
  output: string | null
}

export default class Report extends BaseCommand {
  static override args = {
    input: Args.string({
      description: 'A dnsmasq log (plain or gzip), `-` for stdin, or a graph JSON',
      required: true,
    }),
  }

  static override description = `Runs ingest and policy as compile does, then writes one HTML file that needs nothing else: summary counts, the allow-list grouped by registrable domain with the names behind each entry (query types, counts, clients, outcomes, the rule that kept them), the dropped names with the rule that dropped them, CNAME chains drawn as a graph, and a filter box. Names from the logs are always shown as text, and a strict Content-Security-Policy lets only the page's own style and script run.

--format dot or mermaid prints the CNAME graph alone. Output is byte-identical for the same input unless --timestamp is given.

Exit codes:
${exitCodesHelp(['ok', 'usage', 'input', 'config', 'output'])}`

  static override examples = [
    '<%= config.bin %> <%= command.id %> dns.log -o report.html',
    '<%= config.bin %> <%= command.id %> graph-a.json graph-b.json -o report.html --timestamp',
    '<%= config.bin %> <%= command.id %> dns.log --format dot | dot -Tsvg > cname.svg',
    '<%= config.bin %> <%= command.id %> dns.log --format mermaid >> SUMMARY.md',
  ]

  static override flags = {
    ...policyFlags,
    format: Flags.option({
      char: 'f',
      default: 'html' as const,
      description: 'html: the full report; dot, mermaid: the CNAME graph alone',
      options: REPORT_FORMATS,
    })(),
    output: Flags.string({
      char: 'o',
      description: 'Write the report to this file (atomically) instead of stdout',
      helpValue: 'FILE',
    }),
    timestamp: renderFlags.timestamp,
  }

  static override strict = false

  static override summary =
    'Write an HTML report of observed names, policy decisions and CNAME chains.'

  async run(): Promise<ReportCommandResult> {
    const {argv, flags} = await this.parse(Report)
    const progress =
      process.stderr.isTTY && !this.jsonEnabled() ? createProgressLine(process.stderr) : undefined
    const {content, written, ...result} = await compileReport(argv as string[], {
      format: flags.format,
      output: flags.output,
      configPath: flags.config,
      collapse: flags.collapse,
      timestamp: flags.timestamp ? new Date() : undefined,
      onProgress: progress ? (state) => progress.update(state) : undefined,
    }).finally(() => progress?.done())
    if (written === undefined && !this.jsonEnabled()) this.log(content.trimEnd())
    if (written !== undefined) {
      this.logToStderr(
        `Wrote ${written}: ${result.counts.entries} entries, ${result.counts.kept} names kept, ${result.counts.dropped} dropped, ${result.counts.cnameLinks} CNAME links`,
      )
    }
    return {...result, output: written ?? null}
  }
}
