/**
 * `allowlist capture -- CMD`: run a job in an ephemeral LXD instance whose bridge logs every
 * DNS query, and write the domain graph of what that instance resolved.
 */
import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {policyFlags} from '../cli/policy-flags.js'
import {renderFlags, renderSettingsFromFlags} from '../cli/render-flags.js'
import {sandboxFlags, sandboxOptions} from '../cli/sandbox-flags.js'
import {captureGraph, cleanupLeftovers, LxcCli, type LeftoverReport} from '../capture/index.js'
import {formatLeftoverReport} from '../capture/leftovers.js'
import {AllowlistError} from '../errors.js'
import {exitCodesHelp} from '../exit-codes.js'
import {writeGraphFile} from '../graph/write-graph-file.js'
import {formatIngestSummary} from '../ingest/format-summary.js'
import type {IngestSummary} from '../ingest/index.js'
import {formatReport} from '../policy/report.js'

export interface CaptureCommandResult {
  network: string
  runs: Array<{run: number; instance: string; addresses: string[]; exitCode: number}>
  /** The command's first non-zero exit code, else 0. */
  exitCode: number
  output?: string
  logs: string[]
  summary: IngestSummary
  /** Files written by `--out-dir`. */
  written: string[]
}

export default class Capture extends BaseCommand {
  static override description = `Creates a bridge with a free private subnet (or borrows --network, saving its raw.dnsmasq), makes its dnsmasq log every query, launches an ephemeral instance from --image, waits until it resolves names, runs CMD there with its output streamed, and ingests the queries of that instance only (by its address; recorded under the instance name). With --runs N each run gets a fresh instance and the graph counts in how many runs each name appeared. Everything is removed afterwards — on success, failure and Ctrl-C — unless --keep; --cleanup removes what a killed run left behind.

Exit codes:
${exitCodesHelp(['ok', 'usage', 'input', 'config', 'output', 'environment', 'interrupted'])}
When CMD fails, the graph is still written and capture exits with CMD's exit code.`
  static override examples = [
    '<%= config.bin %> <%= command.id %> -o graph.json -- sh -c "apt-get update && apt-get install -y curl"',
    '<%= config.bin %> <%= command.id %> --runs 3 -o graph.json --log-dir logs --push ./build.sh:/root/build.sh -- sh /root/build.sh',
    '<%= config.bin %> <%= command.id %> -f squid -f nftables --out-dir lists -- sh -c "pip install requests"',
    '<%= config.bin %> <%= command.id %> --cleanup',
  ]
  static override flags = {
    ...policyFlags,
    ...renderFlags,
    // After renderFlags: capture's `--upstream` (the bridge's) replaces the dnsmasq format's
    // flag, and renderSettingsFromFlags then uses the same servers for a rendered dnsmasq file.
    ...sandboxFlags,
    cleanup: Flags.boolean({
      exclusive: ['output', 'log-dir', 'out-dir'],
      summary:
        'Remove instances and networks killed captures left behind, restore borrowed raw.dnsmasq, and exit.',
    }),
    'log-dir': Flags.string({
      summary:
        "Keep each run's dnsmasq log there as INSTANCE.log (the graph points at these lines).",
    }),
    format: Flags.string({
      char: 'f',
      multiple: true,
      summary:
        'Compile straight away into this format (repeatable; needs --out-dir; default plain).',
    }),
    'out-dir': Flags.string({
      summary: 'Compile straight away and write each format here under its own file name.',
    }),
    output: Flags.string({char: 'o', summary: 'Write the graph document to this file.'}),
    verbose: Flags.boolean({
      summary: 'Also report infos of the policy: collapsed, subsumed and omitted names.',
    }),
  }
  static override strict = false
  static override summary = 'Run a command in an LXD sandbox and capture every name it resolves.'

  async run(): Promise<CaptureCommandResult | LeftoverReport> {
    const {argv, flags} = await this.parse(Capture)
    const lxd = new LxcCli()
    if (flags.cleanup) {
      const report = await cleanupLeftovers(lxd)
      for (const line of formatLeftoverReport(report)) this.log(line)
      return report
    }
    if (flags.format !== undefined && flags['out-dir'] === undefined) {
      throw new AllowlistError(
        'Unexpected `--format` without `--out-dir`, expected both (stdout carries the command)',
        {exit: 'usage'},
      )
    }
    const outputs = [flags.output, flags['log-dir'], flags['out-dir']]
    if (outputs.every((output) => output === undefined)) {
      throw new AllowlistError(
        'Unexpected capture without an output, expected `-o FILE`, `--out-dir DIR` or `--log-dir DIR`',
        {exit: 'usage'},
      )
    }
    const json = this.jsonEnabled()
    const compile =
      flags['out-dir'] === undefined
        ? undefined
        : {
            ...renderSettingsFromFlags(flags),
            formats: flags.format ?? ['plain'],
            configPath: flags.config,
            collapse: flags.collapse,
            outDir: flags['out-dir'],
          }
    const {tree, summary, session, logs, compiled} = await captureGraph(
      lxd,
      {
        ...sandboxOptions(flags, argv as string[], {
          stdout: json ? process.stderr : process.stdout,
          stderr: process.stderr,
          progress: (message) => this.logToStderr(message),
        }),
        upstreams: flags.upstream ?? [],
      },
      {logDirectory: flags['log-dir'], compile},
    )
    if (flags.output !== undefined) await writeGraphFile(tree, flags.output)
    this.logToStderr(formatIngestSummary(summary))
    if (compiled) {
      const report = formatReport(compiled.file.messages, {verbose: flags.verbose})
      if (report !== '') this.logToStderr(report)
      for (const file of compiled.written) this.logToStderr(`Wrote ${file}`)
    }
    if (session.exitCode !== 0) {
      this.warn(`The command exited with ${session.exitCode}`)
      process.exitCode = session.exitCode
    }
    return {
      network: session.network,
      runs: session.runs.map(({run, instance, addresses, exitCode}) => ({
        run,
        instance,
        addresses: [...addresses.v4, ...addresses.v6],
        exitCode,
      })),
      exitCode: session.exitCode,
      ...(flags.output === undefined ? {} : {output: flags.output}),
      logs,
      summary,
      written: compiled?.written ?? [],
    }
  }
}
