/**
 * Helpers for format option checkers: each reads one key, checks its type, and names the key and
 * the accepted values when it is wrong, so every format reports option errors the same way.
 */
import {AllowlistError} from '../../errors.js'

/**
 * Reject keys a format does not know.
 *
 * @param format The format name, for the message.
 * @param raw The options as given.
 * @param known The keys the format accepts.
 */
export function rejectUnknownOptions(
  format: string,
  raw: Readonly<Record<string, unknown>>,
  known: readonly string[],
): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) {
      throw optionError(
        format,
        key,
        raw[key],
        known.length > 0 ? known.map((k) => `\`${k}\``).join(', ') : 'no options',
      )
    }
  }
}

/** Read a string option, or its default when absent; `pattern` restricts the accepted values. */
export function stringOption(
  format: string,
  raw: Readonly<Record<string, unknown>>,
  key: string,
  fallback: string,
  pattern?: {test: RegExp; describe: string},
): string {
  const value = raw[key]
  if (value === undefined) return fallback
  if (typeof value !== 'string' || (pattern && !pattern.test.test(value))) {
    throw optionError(format, key, value, pattern?.describe ?? 'a string')
  }
  return value
}

/** Read a boolean option, or its default when absent. */
export function booleanOption(
  format: string,
  raw: Readonly<Record<string, unknown>>,
  key: string,
  fallback: boolean,
): boolean {
  const value = raw[key]
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') throw optionError(format, key, value, '`true` or `false`')
  return value
}

/**
 * Read an option that is one string or a list of them (a config may give either, a repeated flag
 * gives a list); every value must pass `check`.
 *
 * @returns At least one value: `fallback` when the option is absent.
 */
export function stringListOption(
  format: string,
  raw: Readonly<Record<string, unknown>>,
  key: string,
  fallback: readonly string[],
  check: {test: (value: string) => boolean; describe: string},
): string[] {
  const value = raw[key]
  if (value === undefined) return [...fallback]
  const values = typeof value === 'string' ? [value] : value
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    !values.every((item) => typeof item === 'string' && check.test(item))
  ) {
    throw optionError(format, key, value, `${check.describe}, or a non-empty list of them`)
  }
  return values as string[]
}

/** Read an option restricted to a few literal values. */
export function choiceOption<Choice extends string>(
  format: string,
  raw: Readonly<Record<string, unknown>>,
  key: string,
  choices: readonly Choice[],
  fallback: Choice,
): Choice {
  const value = raw[key]
  if (value === undefined) return fallback
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw optionError(format, key, value, choices.map((choice) => `\`${choice}\``).join(', '))
  }
  return value as Choice
}

/**
 * The error for a bad option value, for checks the helpers above do not cover.
 *
 * @param expected What would have been accepted, in words.
 */
export function optionError(
  format: string,
  key: string,
  value: unknown,
  expected: string,
): AllowlistError {
  return new AllowlistError(
    `Unexpected value \`${JSON.stringify(value)}\` for option \`${key}\` of format \`${format}\`, expected ${expected}`,
    {exit: 'config'},
  )
}
