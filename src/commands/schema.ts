/**
 * `allowlist schema`: print the JSON Schema of the configuration file, for editors and CI.
 */
import {BaseCommand} from '../cli/base-command.js'
import {exitCodesHelp} from '../exit-codes.js'
import {configJsonSchema, configJsonSchemaText} from '../config/schema.js'

export default class Schema extends BaseCommand {
  static override description = `The schema is generated from the same definition that validates config files, so an editor pointed at it completes and checks exactly what allowlist accepts. The same document ships as schema/allowlist.config.schema.json.

Exit codes:
${exitCodesHelp(['ok', 'usage'])}`

  static override examples = [
    '<%= config.bin %> <%= command.id %> > allowlist.config.schema.json',
    '<%= config.bin %> <%= command.id %> --json',
  ]

  static override summary = 'Print the JSON Schema of the allowlist config file.'

  async run(): Promise<Record<string, unknown>> {
    await this.parse(Schema)
    this.log(configJsonSchemaText().trimEnd())
    return configJsonSchema()
  }
}
