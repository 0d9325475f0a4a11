/**
 * `allowlist ingest`: read dnsmasq logs (or saved graphs) into one domain graph and write it.
 */
import {Args} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {emitGraph, graphOutputFlag} from '../cli/graph-output.js'
import {createProgressLine} from '../cli/progress.js'
import {exitCodesHelp} from '../exit-codes.js'
import {ingestDocument, type IngestSummary} from '../ingest/index.js'
import {formatIngestSummary} from '../ingest/format-summary.js'

export default class Ingest extends BaseCommand {
  static override args = {
    log: Args.string({
      description:
        'A dnsmasq log (plain, log-queries=extra, syslog, journald; gzip detected), `-` for stdin, or a graph JSON',
      required: true,
    }),
  }

  static override description = `Reads every input as a stream and merges them into one graph of the DNS namespace: which names were asked for, by whom, with which query types and outcomes, their addresses and CNAME chains. Lines that are not understood are counted and the first few reported with file and line; they never stop the run.

Without --output the graph document goes to stdout, unless --json is given: then stdout carries the summary object and the graph is written only with --output.

Exit codes:
${exitCodesHelp(['ok', 'usage', 'input', 'output'])}`

  static override examples = [
    '<%= config.bin %> <%= command.id %> dns.log -o graph.json',
    '<%= config.bin %> <%= command.id %> dns.log.1.gz dns.log -o graph.json --json',
    'journalctl -u lxd -o short-iso | <%= config.bin %> <%= command.id %> - > graph.json',
  ]

  static override flags = {
    output: graphOutputFlag('Write the graph document to this file (atomically); `-` for stdout'),
  }

  static override strict = false

  static override summary = 'Turn dnsmasq query logs into a domain graph.'

  async run(): Promise<IngestSummary> {
    const {argv, flags} = await this.parse(Ingest)
    const progress =
      process.stderr.isTTY && !this.jsonEnabled() ? createProgressLine(process.stderr) : undefined
    const {document, summary} = await ingestDocument(argv as string[], {
      onProgress: progress ? (state) => progress.update(state) : undefined,
    }).finally(() => progress?.done())
    await emitGraph(this, document, flags.output)
    this.logToStderr(formatIngestSummary(summary))
    return summary
  }
}
