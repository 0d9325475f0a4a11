/**
 * `allowlist diff OLD NEW`: what changed between two allow-lists (or the logs and graphs they
 * come from), like `diff`: exit 0 when the same, 1 when they differ.
 */
import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {listSyntaxFlag} from '../cli/list-syntax-flag.js'
import {policyFlags} from '../cli/policy-flags.js'
import {exitCodesHelp, ExitCode} from '../exit-codes.js'
import {observedCompiler} from '../pipeline/compile-observed.js'
import {diffInputs, formatDiffMarkdown, formatDiffText, type ListDiff} from '../pipeline/index.js'

export default class Diff extends BaseCommand {
  static override args = {
    old: Args.string({description: 'The old list, log or graph JSON', required: true}),
    new: Args.string({description: 'The new list, log or graph JSON', required: true}),
  }

  static override description = `Entries added and removed between OLD and NEW, grouped by registrable domain (Public Suffix List with private suffixes), with the observed names behind each entry. OLD and NEW are each a compiled list (plain, json, or any format \`check\` reads), a dnsmasq log, or a graph JSON; logs and graphs go through the policy first. An entry is its name plus whether it includes subdomains, so \`example.com\` → \`.example.com\` shows as one removal and one addition.

--json prints {schema: "allowlist-diff/1", old: {inputs, entries}, new: {inputs, entries}, same, counts: {added, removed, unchanged}, groups: [{domain, added: [{entry, name, includesSubdomains, sources}], removed: […]}]}.

Exit codes:
${exitCodesHelp(['ok', 'finding', 'usage', 'input', 'config'], {ok: 'the lists are the same', finding: 'the lists differ'})}`

  static override examples = [
    '<%= config.bin %> <%= command.id %> allowlist.txt new/allowlist.txt',
    '<%= config.bin %> <%= command.id %> allowlist.json build-graph.json --markdown >> "$GITHUB_STEP_SUMMARY"',
    '<%= config.bin %> <%= command.id %> old.txt new.txt --json',
  ]

  static override flags = {
    ...policyFlags,
    'list-format': listSyntaxFlag(
      'Syntax of list inputs (detected from name and content when omitted)',
    ),
    markdown: Flags.boolean({
      description: 'Print a Markdown table (for pull requests and job summaries)',
    }),
  }

  static override summary = 'Show entries added and removed between two allow-lists.'

  async run(): Promise<ListDiff> {
    const {args, flags} = await this.parse(Diff)
    const diff = await diffInputs(args.old, args.new, {
      compileObserved: observedCompiler({configPath: flags.config, collapse: flags.collapse}),
      listSyntax: flags['list-format'],
    })
    this.log(flags.markdown ? formatDiffMarkdown(diff) : formatDiffText(diff))
    if (!diff.same) process.exitCode = ExitCode.finding
    return diff
  }
}
