/**
 * `allowlist templates list`: the built-in formats, what each writes and its file name under
 * `--out-dir`.
 */
import {listFormats, type FormatInfo} from '../../render/index.js'
import {BaseCommand} from '../../cli/base-command.js'

export default class TemplatesList extends BaseCommand {
  static override description =
    'Every format `compile -f` accepts, with the file name it gets under --out-dir. A folder in --template-dir adds more.'
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']
  static override summary = 'List the built-in output formats.'

  async run(): Promise<{formats: FormatInfo[]}> {
    await this.parse(TemplatesList)
    const formats = listFormats()
    const width = Math.max(...formats.map((format) => format.name.length))
    for (const format of formats) {
      this.log(`${format.name.padEnd(width)}  ${format.description} (${format.fileName})`)
    }
    return {formats}
  }
}
