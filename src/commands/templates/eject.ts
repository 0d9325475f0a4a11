/**
 * `allowlist templates eject [DIR]`: copy the built-in templates out so they can be edited and
 * used with `--template-dir DIR`.
 */
import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {exitCodesHelp} from '../../exit-codes.js'
import {ejectTemplates} from '../../render/eject.js'

export default class TemplatesEject extends BaseCommand {
  static override args = {
    dir: Args.string({
      default: 'allowlist-templates',
      description: 'Where to put <format>/main.hbs and its partials.',
    }),
  }

  static override description = `Writes <format>/main.hbs (and partials) for every built-in format, or those given with --format. Edit them, then pass --template-dir DIR to compile: a folder there overrides the built-in format of the same name, a new folder adds a format. Existing files are kept unless --force is given.

Exit codes:
${exitCodesHelp(['ok', 'usage', 'output'])}`

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> my-templates --format squid --format pac',
    '<%= config.bin %> <%= command.id %> my-templates --force',
  ]

  static override flags = {
    force: Flags.boolean({description: 'Overwrite templates that already exist.'}),
    format: Flags.string({char: 'f', description: 'Only this format (repeatable).', multiple: true}),
  }

  static override summary = 'Copy the built-in templates out for editing.'

  async run(): Promise<{directory: string; files: string[]}> {
    const {args, flags} = await this.parse(TemplatesEject)
    const files = await ejectTemplates(args.dir, {formats: flags.format, force: flags.force})
    for (const file of files) this.log(file)
    return {directory: args.dir, files}
  }
}
