/**
 * `allowlist capture -- CMD`: run a job in an ephemeral LXD instance whose bridge logs every
 * DNS query, and keep what it resolved.
 */
import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {sandboxFlags, sandboxOptions} from '../cli/sandbox-flags.js'
import {captureRuns, cleanupLeftovers, LxcCli, type LeftoverReport} from '../capture/index.js'
import {EXIT_CODES_HELP} from '../exit-codes.js'
import {writeFileAtomic} from '../fs/write-atomic.js'

export interface CaptureCommandResult {
  network: string
  runs: Array<{run: number; instance: string; addresses: string[]; exitCode: number}>
  exitCode: number
  log?: string
}

export default class Capture extends BaseCommand {
  static override description = `Creates a bridge with a free private subnet (or borrows --network, saving its raw.dnsmasq), makes its dnsmasq log every query, launches an ephemeral instance from --image, waits until it resolves names, runs CMD there with its output streamed, and keeps the queries of that instance only (by its address). Everything is removed afterwards — on success, failure, and Ctrl-C — unless --keep; \`--cleanup\` removes what a killed run left behind.

Exit codes:
${EXIT_CODES_HELP}
When CMD fails, the capture is still written and capture exits with CMD's exit code.`
  static override examples = [
    '<%= config.bin %> <%= command.id %> --log dns.log -- sh -c "apt-get update && apt-get install -y curl"',
    '<%= config.bin %> <%= command.id %> --runs 3 --log dns.log --push ./build.sh:/root/build.sh -- sh /root/build.sh',
    '<%= config.bin %> <%= command.id %> --cleanup',
  ]
  static override flags = {
    ...sandboxFlags,
    cleanup: Flags.boolean({
      exclusive: ['log'],
      summary:
        'Remove instances and networks killed captures left behind, restore borrowed raw.dnsmasq, and exit.',
    }),
    log: Flags.string({
      summary: "Write the instance's dnsmasq query log (all runs) to this file.",
    }),
  }
  static override strict = false
  static override summary = 'Run a command in an LXD sandbox and capture every name it resolves.'

  async run(): Promise<CaptureCommandResult | LeftoverReport> {
    const {argv, flags} = await this.parse(Capture)
    const lxd = new LxcCli()
    if (flags.cleanup) {
      const report = await cleanupLeftovers(lxd)
      for (const name of report.deletedInstances) this.log(`deleted instance ${name}`)
      for (const name of report.deletedNetworks) this.log(`deleted network ${name}`)
      for (const name of report.restoredNetworks)
        this.log(`restored raw.dnsmasq of network ${name}`)
      for (const what of report.inUse) this.log(`left ${what}: its capture is still running`)
      return report
    }
    const json = this.jsonEnabled()
    const session = await captureRuns(lxd, {
      ...sandboxOptions(flags, argv as string[], {
        stdout: json ? process.stderr : process.stdout,
        stderr: process.stderr,
        progress: (message) => this.logToStderr(message),
      }),
      upstreams: flags.upstream ?? [],
    })
    if (flags.log !== undefined) {
      await writeFileAtomic(flags.log, session.runs.map((run) => run.log).join(''))
      this.logToStderr(`Wrote ${flags.log}`)
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
      ...(flags.log === undefined ? {} : {log: flags.log}),
    }
  }
}
