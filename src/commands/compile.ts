/**
 * `allowlist compile`: logs in, allow-lists out. Thin: flags to `compile()`, outputs to stdout
 * or files, the warning report to stderr.
 */
import {Args} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {compileFlags} from '../cli/policy-flags.js'
import {createProgressLine} from '../cli/progress.js'
import {renderFlags, renderSettingsFromFlags} from '../cli/render-flags.js'
import {compile} from '../compile.js'
import {AllowlistError} from '../errors.js'
import {exitCodesHelp, ExitCode} from '../exit-codes.js'
import type {AllowListMeta, Entry} from '../graph/entry.js'
import {formatReport, isWarning, messagesToData, type MessageData} from '../policy/report.js'

export interface CompileCommandResult {
  entries: Entry[]
  meta: AllowListMeta
  messages: MessageData[]
  /** Files written (`-o`, `--out-dir`). */
  written: string[]
}

export default class Compile extends BaseCommand {
  static override args = {
    input: Args.string({
      description:
        'A dnsmasq log (plain or gzip), `-` for stdin, or a graph JSON; several are merged',
      required: true,
    }),
  }

  static override description = `Reads the inputs into one domain graph, applies the policy (see the README's policy section: which names are dropped and why, how they collapse) and renders each requested format from the same list. Every dropped name is reported on stderr with the log line that produced it, grouped by rule.

The config is read from allowlist.config.{json,yaml,yml,js,mjs,cjs,ts}, .allowlistrc* or package.json#allowlist in the working directory, or from --config.

Exit codes:
${exitCodesHelp(['ok', 'finding', 'usage', 'input', 'config', 'output'], {
  finding: 'a warning under --strict',
})}`

  static override examples = [
    '<%= config.bin %> <%= command.id %> dns.log',
    '<%= config.bin %> <%= command.id %> dns.log --collapse auto -o allowlist.txt',
    '<%= config.bin %> <%= command.id %> dns.log.1.gz dns.log -f plain -f json --out-dir lists/',
    '<%= config.bin %> <%= command.id %> dns.log --strict --json',
    '<%= config.bin %> <%= command.id %> dns.log -f squid --squid-mode file -o /etc/squid/allowlist.txt',
  ]

  static override flags = {...compileFlags, ...renderFlags}

  static override strict = false

  static override summary = 'Compile dnsmasq logs into allow-lists.'

  async run(): Promise<CompileCommandResult> {
    const {argv, flags} = await this.parse(Compile)
    const toStdout = flags.output === undefined && flags['out-dir'] === undefined
    if (toStdout && flags.format.length > 1 && !this.jsonEnabled()) {
      throw new AllowlistError(
        `Unexpected ${flags.format.length} formats on stdout, expected one (use \`--out-dir\` for several)`,
        {exit: 'usage'},
      )
    }
    const progress =
      process.stderr.isTTY && !this.jsonEnabled() ? createProgressLine(process.stderr) : undefined
    const result = await compile(argv as string[], {
      ...renderSettingsFromFlags(flags),
      formats: flags.format,
      configPath: flags.config,
      collapse: flags.collapse,
      output: flags.output,
      outDir: flags['out-dir'],
      onProgress: progress ? (state) => progress.update(state) : undefined,
    }).finally(() => progress?.done())

    if (toStdout) {
      for (const output of result.outputs) {
        if (output.content !== '') this.log(output.content.replace(/\n$/, ''))
      }
    }
    const report = formatReport(result.file.messages, {verbose: flags.verbose})
    if (report !== '') this.logToStderr(report)
    const warnings = result.file.messages.filter((message) => isWarning(message)).length
    if (flags.strict && warnings > 0) {
      this.error(`${warnings} warning${warnings === 1 ? '' : 's'} under --strict`, {
        exit: ExitCode.finding,
      })
    }
    return {
      entries: result.allowList.entries,
      meta: result.allowList.meta,
      messages: messagesToData(result.file.messages),
      written: result.written,
    }
  }
}
