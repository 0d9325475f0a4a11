/**
 * The base every command extends: `--json` on, and library errors turned into oclif errors with
 * the documented exit code, so no command repeats that translation.
 */
import {Command, Errors} from '@oclif/core'
import {AllowlistError} from '../errors.js'
import {ExitCode} from '../exit-codes.js'

export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true

  protected override async catch(error: Error & {exitCode?: number}): Promise<unknown> {
    if (error instanceof AllowlistError) {
      return super.catch(
        new Errors.CLIError(error.message, {
          exit: ExitCode[error.exit],
          suggestions: error.suggestions,
        }),
      )
    }
    return super.catch(error)
  }
}
