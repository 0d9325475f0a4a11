/**
 * `allowlist check INPUT… --against LIST`: the CI gate. Exit 1 when a name the inputs need would
 * be blocked by LIST; in GitHub Actions also annotations and a job summary.
 */
import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {listSyntaxFlag} from '../cli/list-syntax-flag.js'
import {policyFlags} from '../cli/policy-flags.js'
import {exitCodesHelp, ExitCode} from '../exit-codes.js'
import {observedCompiler} from '../pipeline/compile-observed.js'
import {
  type CheckResult,
  checkInputs,
  formatCheckMarkdown,
  formatCheckText,
  publishCheck,
} from '../pipeline/index.js'

export default class Check extends BaseCommand {
  static override args = {
    input: Args.string({
      description: 'Logs, graph JSONs or list files whose names must pass',
      required: true,
    }),
  }

  static override description = `Checks every name the inputs need against LIST, matching as LIST's own system does: \`.example.com\` allows the domain and all subdomains, \`example.com\` only itself; dnsmasq, Unbound and RPZ precedence rules apply. For logs and graphs (through the policy) each observed name behind a kept entry is checked; for list inputs, each entry. LIST is read back from these syntaxes allowlist writes: plain, json, squid (dstdomain ACLs), hosts, dnsmasq (server=/local=/address=), unbound (local-zone), rpz (QNAME triggers), pac (object-literal keys), adblock (@@ exceptions), haproxy (req.ssl_sni ACLs); nftables, cilium and harden-runner are not read. Also lists LIST entries nothing used.

With GITHUB_ACTIONS=true, prints ::error/::warning annotations and appends a Markdown section to $GITHUB_STEP_SUMMARY; elsewhere --markdown prints that section.

--json prints {schema: "allowlist-check/1", inputs, against: {file, syntax, rules}, ok, counts: {checked, allowed, blocked, unused}, blocked: [{name, includesSubdomains, domain, entry, deniedBy: {rule, line} | null}], unused: [{rule, line}]}.

Exit codes:
${exitCodesHelp(['ok', 'finding', 'usage', 'input', 'config', 'output'], {ok: 'every name passes', finding: 'a name would be blocked'})}`

  static override examples = [
    '<%= config.bin %> <%= command.id %> dns.log --against allowlist.txt',
    '<%= config.bin %> <%= command.id %> build-graph.json --against squid/allowlist.conf --list-format squid',
    '<%= config.bin %> <%= command.id %> dns.log --against allowlist.txt --markdown',
  ]

  static override flags = {
    ...policyFlags,
    against: Flags.string({char: 'a', description: 'The list that would enforce', required: true}),
    'input-format': listSyntaxFlag('Syntax of list inputs (detected when omitted)'),
    'list-format': listSyntaxFlag(
      'Syntax of the --against list (detected from name and content when omitted)',
    ),
    markdown: Flags.boolean({description: 'Print the Markdown summary instead of the text report'}),
  }

  static override strict = false

  static override summary = 'Fail when a list would block names the inputs need (the CI gate).'

  async run(): Promise<CheckResult> {
    const {argv, flags} = await this.parse(Check)
    const result = await checkInputs(argv as string[], flags.against, {
      compileObserved: observedCompiler({configPath: flags.config, collapse: flags.collapse}),
      listSyntax: flags['input-format'],
      againstSyntax: flags['list-format'],
    })
    this.log(flags.markdown ? formatCheckMarkdown(result) : formatCheckText(result))
    if (process.env.GITHUB_ACTIONS === 'true') {
      const summary = process.env.GITHUB_STEP_SUMMARY
      if (!summary) this.warn('GITHUB_STEP_SUMMARY is not set; no job summary written')
      for (const line of await publishCheck(result, summary)) this.log(line)
    }
    if (!result.ok) process.exitCode = ExitCode.finding
    return result
  }
}
