/**
 * What a format is: a name, a file name for `--out-dir`, an options checker and a view builder.
 * The builder validates and escapes for its target syntax; the template only lays out the view.
 */
import type {AllowList} from '../../graph/entry.js'

/** Facts shared by every view: comment lines for a header (already free of control characters). */
export interface RenderContext {
  /** Header lines without comment markers: generator, tldts version, inputs, policy, counts. */
  header: string[]
  /** The `--timestamp` instant, when given; formats that need a version (RPZ serial) use it. */
  timestamp?: Date | undefined
}

export interface FormatDefinition<Options = Record<string, never>, View extends object = object> {
  /** The `-f` value and the `templates/<name>/` folder. */
  name: string
  /** One line for `templates list` and `--help`. */
  description: string
  /** The file written under `--out-dir`. */
  fileName: string
  /**
   * Check the options a user gave for this format (config `formats.<name>` merged with flags).
   *
   * @param raw Untrusted values; throw `AllowlistError` (`exit: 'config'`) naming the bad key.
   * @returns The options with defaults filled in.
   */
  parseOptions(raw: Readonly<Record<string, unknown>>): Options
  /**
   * Turn the allow-list into the template's view: sorted, validated, escaped.
   *
   * @returns The object the template renders.
   */
  buildView(allowList: AllowList, options: Options, context: RenderContext): View
}

/** A definition with its option and view types erased, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own precise types
export type AnyFormatDefinition = FormatDefinition<any, object>
