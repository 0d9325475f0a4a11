/**
 * Turn zod's validation issues into the project's diagnostics: one sentence per issue naming the
 * key path and the file, in "Unexpected <found>, expected <acceptable>" form, e.g. "Unexpected
 * value `"wide"` for `collapse` in `allowlist.config.json`, expected `exact`, `registrable` or
 * `auto`".
 */
import type {z} from 'zod'
import {code, listValues} from '../policy/names.js'

/**
 * Describe one issue.
 *
 * @param issue A zod issue.
 * @param input The value that was validated (to quote the offending value).
 * @param file The config file's name as the user knows it.
 * @param keys The keys allowed at the top level.
 */
export function formatIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  file: string,
  keys: readonly string[],
): string {
  const where = issue.path.length > 0 ? ` for ${code(keyPath(issue.path))}` : ''
  const place = `${where} in ${code(file)}`
  const value = valueAt(input, issue.path)
  const found = `value ${code(show(value))}`
  switch (issue.code) {
    case 'unrecognized_keys': {
      const expected = issue.path.length === 0 ? `, expected ${listValues(keys)}` : ''
      const plural = issue.keys.length > 1 ? 'keys' : 'key'
      const at = issue.path.length > 0 ? ` under ${code(keyPath(issue.path))}` : ''
      return `Unexpected ${plural} ${listValues(issue.keys, 'and')}${at} in ${code(file)}${expected}`
    }
    case 'invalid_value': {
      return `Unexpected ${found}${place}, expected ${listValues(issue.values.map(String))}`
    }
    case 'invalid_type': {
      return `Unexpected ${value === undefined ? 'missing value' : found}${place}, expected ${article(issue.expected)}`
    }
    case 'too_small': {
      return `Unexpected ${found}${place}, expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`
    }
    case 'too_big': {
      return `Unexpected ${found}${place}, expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`
    }
    case 'invalid_format': {
      return `Unexpected ${found}${place}, ${issue.message}`
    }
    case 'custom': {
      return `${issue.message}${place}`
    }
    default: {
      return `Unexpected ${found}${place}: ${issue.message}`
    }
  }
}

/** `include[2]`, `formats.squid.aclName`. */
export function keyPath(path: readonly PropertyKey[]): string {
  let result = ''
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`
    else result += (result ? '.' : '') + String(key)
  }
  return result
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined'
  const json = JSON.stringify(value)
  return json.length > 60 ? json.slice(0, 60) + '…' : json
}

function article(type: string): string {
  if (type === 'record') return 'an object'
  if (type === 'int') return 'an integer'
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}
