/**
 * The one error type the library throws for user-facing problems (unreadable input, bad config,
 * unwritable output, missing LXD). It carries the exit code a command should end with and,
 * where known, the file and line at fault. Programmer mistakes stay `TypeError`s.
 */
import type {ExitCodeName} from './exit-codes.js'

export interface AllowlistErrorOptions {
  /** Which exit code a command should end with. */
  exit: ExitCodeName
  /** The file at fault, when there is one. */
  file?: string
  /** Its 1-based line, when known. */
  line?: number
  /** Extra hints a command prints under the message. */
  suggestions?: string[]
  cause?: unknown
}

export class AllowlistError extends Error {
  readonly exit: ExitCodeName
  readonly file: string | undefined
  readonly line: number | undefined
  readonly suggestions: string[]

  /**
   * @param message Complete sentence; include the file (and line) in it, it is shown as is.
   * @param options Exit code name, location and hints.
   */
  constructor(message: string, options: AllowlistErrorOptions) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'AllowlistError'
    this.exit = options.exit
    this.file = options.file
    this.line = options.line
    this.suggestions = options.suggestions ?? []
  }
}
