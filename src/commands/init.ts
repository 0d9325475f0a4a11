/**
 * `allowlist init`: write a commented starter `allowlist.config.yaml` into the working directory.
 */
import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {exitCodesHelp} from '../exit-codes.js'
import {writeStarterConfig} from '../config/init.js'

export default class Init extends BaseCommand {
  static override description = `Every key appears with its default and a comment saying what it does, so the file is its own documentation. An existing file is left alone unless --force is given.

Exit codes:
${exitCodesHelp(['ok', 'usage', 'output'])}`

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --force',
  ]

  static override flags = {
    force: Flags.boolean({description: 'Replace an existing allowlist.config.yaml.'}),
  }

  static override summary = 'Write a commented starter config file.'

  async run(): Promise<{path: string}> {
    const {flags} = await this.parse(Init)
    const path = await writeStarterConfig({force: flags.force})
    this.log(`Wrote ${path}`)
    return {path}
  }
}
