/**
 * `allowlist merge GRAPH… -o merged.json`: fan in graphs from many hosts or runs.
 */
import {Args} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {emitGraph, graphOutputFlag} from '../cli/graph-output.js'
import {exitCodesHelp} from '../exit-codes.js'
import {formatMergeSummary, mergeGraphFiles, type MergeSummary} from '../pipeline/merge.js'

export default class Merge extends BaseCommand {
  static override args = {
    graph: Args.string({
      description: 'Graph JSON written by `ingest -o` or `merge -o`',
      required: true,
    }),
  }

  static override description = `The union of graphs from many machines or runs: query counts add up, clients, addresses and CNAME edges unite, first/last seen take the extremes, and each name counts the runs it appeared in. The merge is associative and commutative, so a CI matrix (one graph per job) or graphs collected from a fleet fan in to the same bytes whatever the order or grouping: merge per rack, then merge the racks. This is how allowlist scales past one machine.

Without --output the merged graph goes to stdout, unless --json is given: then stdout carries the summary and the graph is written only with --output. The summary (stderr) lists names not seen in every run.

--json prints {schema: "allowlist-merge/1", inputs, runs, names, counts: [{name, runs, clients, queries}]}.

Exit codes:
${exitCodesHelp(['ok', 'usage', 'input', 'output'])}`

  static override examples = [
    '<%= config.bin %> <%= command.id %> graphs/*/graph.json -o merged.json',
    '<%= config.bin %> <%= command.id %> host-a.json host-b.json --json -o merged.json',
  ]

  static override flags = {
    output: graphOutputFlag('Write the merged graph to this file (atomically); `-` for stdout'),
  }

  static override strict = false

  static override summary = 'Merge graphs from many hosts or runs into one.'

  async run(): Promise<MergeSummary> {
    const {argv, flags} = await this.parse(Merge)
    const {tree, summary} = await mergeGraphFiles(argv as string[])
    await emitGraph(this, tree, flags.output)
    if (!this.jsonEnabled()) this.logToStderr(formatMergeSummary(summary, flags.output))
    return summary
  }
}
