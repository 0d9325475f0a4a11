/**
 * `allowlist templates list`: the built-in formats, what each writes and its file name under
 * `--out-dir`.
 */
import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {exitCodesHelp} from '../../exit-codes.js'
import {listFormats, type FormatInfo} from '../../render/index.js'
import {BUILTIN_TEMPLATE_DIR} from '../../render/templates.js'

export default class TemplatesList extends BaseCommand {
  static override description = `Every format \`compile -f\` accepts, with the file name it gets under --out-dir. A folder in --template-dir adds more.

Exit codes:
${exitCodesHelp(['ok', 'usage', 'input'])}`

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --template-dir my-templates',
    '<%= config.bin %> <%= command.id %> --json',
  ]

  static override flags = {
    'template-dir': Flags.string({
      description: 'Also list the formats this directory adds, and show which it overrides.',
      helpValue: 'DIR',
    }),
  }

  static override summary = 'List the built-in output formats.'

  async run(): Promise<{formats: FormatInfo[]}> {
    const {flags} = await this.parse(TemplatesList)
    const formats = listFormats(flags['template-dir'])
    const width = Math.max(...formats.map((format) => format.name.length))
    for (const format of formats) {
      const fromUser = format.template.startsWith(BUILTIN_TEMPLATE_DIR) ? '' : ` [${format.template}]`
      this.log(`${format.name.padEnd(width)}  ${format.description} (${format.fileName})${fromUser}`)
    }
    return {formats}
  }
}
