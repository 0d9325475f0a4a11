/**
 * `allowlist verify --list LIST -- CMD`: rerun a job with the list enforced and report every
 * name it would have been refused.
 */
import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {sandboxFlags, sandboxOptions} from '../cli/sandbox-flags.js'
import {LxcCli, verifyList, type VerifyResult} from '../capture/index.js'
import {exitCodesHelp, ExitCode} from '../exit-codes.js'

export default class Verify extends BaseCommand {
  static override description = `Launches a fresh instance on a bridge whose dnsmasq forwards only the names in LIST (to --upstream, or the host's resolvers) and refuses every other name, runs CMD there, and lists each refused name with its query type, count and first log line. Accepts a plain or Squid dstdomain list (\`.name\` = with subdomains), Squid \`acl … dstdomain\` lines, or the json format. Takes the same sandbox flags as capture.

Exit codes:
${exitCodesHelp(['ok', 'finding', 'usage', 'input', 'environment', 'interrupted'], {ok: 'nothing was refused', finding: 'a name was refused'})}
When nothing was refused but CMD failed, verify exits with CMD's exit code.`
  static override examples = [
    '<%= config.bin %> <%= command.id %> --list allow.txt -- sh -c "apt-get update && apt-get install -y curl"',
    '<%= config.bin %> <%= command.id %> --list squid-domains.txt --runs 2 --push ./build.sh:/root/build.sh -- sh /root/build.sh',
  ]
  static override flags = {
    ...sandboxFlags,
    list: Flags.string({required: true, summary: 'The allow-list to enforce.'}),
  }
  static override strict = false
  static override summary =
    'Rerun a command with an allow-list enforced and report what it would block.'

  async run(): Promise<VerifyResult> {
    const {argv, flags} = await this.parse(Verify)
    const json = this.jsonEnabled()
    const result = await verifyList(new LxcCli(), {
      ...sandboxOptions(flags, argv as string[], {
        stdout: json ? process.stderr : process.stdout,
        stderr: process.stderr,
        progress: (message) => this.logToStderr(message),
      }),
      list: flags.list,
      upstreams: flags.upstream ?? [],
    })
    for (const refusal of result.refusals) {
      this.log(
        `denied ${refusal.name} ${refusal.type} (${refusal.answer}) ×${refusal.count}: ${refusal.firstLine}`,
      )
    }
    if (result.refusals.length > 0) {
      this.log(`${result.refusals.length} name(s) denied: the list is incomplete for this command`)
      process.exitCode = ExitCode.finding
    } else {
      this.log(`Nothing denied: ${flags.list} covers this command (${result.runs} run(s))`)
      if (result.commandExitCode !== 0) process.exitCode = result.commandExitCode
    }
    return result
  }
}
