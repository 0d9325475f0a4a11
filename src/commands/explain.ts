/**
 * `allowlist explain NAME INPUT...`: why a name is or is not on the list.
 */
import {Args} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {policyFlags} from '../cli/policy-flags.js'
import {exitCodesHelp} from '../exit-codes.js'
import {explain} from '../explain.js'
import {formatExplanation, type Explanation} from '../policy/explain.js'

export default class Explain extends BaseCommand {
  static override args = {
    name: Args.string({description: 'The name to explain (any case)', required: true}),
    input: Args.string({
      description:
        'A dnsmasq log (plain or gzip), `-` for stdin, or a graph JSON; several are merged',
      required: true,
    }),
  }

  static override description = `Shows what the inputs say about the name (query types and counts, outcomes, addresses, clients, spellings, the first log line per file, its CNAME chain), what each policy rule decided about it in pipeline order, and the entry that allows it, if any. Takes the same config and --collapse as compile, so the answer matches what compile produces.

Exit codes:
${exitCodesHelp(['ok', 'usage', 'input', 'config'])}`

  static override examples = [
    '<%= config.bin %> <%= command.id %> registry.npmjs.org dns.log',
    '<%= config.bin %> <%= command.id %> nonexistent-pkg.yarnpkg.com dns.log --json',
    '<%= config.bin %> <%= command.id %> user.gitlab.io dns.log --collapse auto',
  ]

  static override flags = policyFlags

  static override strict = false

  static override summary = 'Explain why a name is or is not on the allow-list.'

  async run(): Promise<Explanation> {
    const {args, argv, flags} = await this.parse(Explain)
    const inputs = (argv as string[]).slice(1)
    const explanation = await explain(args.name, inputs, {
      configPath: flags.config,
      collapse: flags.collapse,
    })
    this.log(formatExplanation(explanation))
    return explanation
  }
}
