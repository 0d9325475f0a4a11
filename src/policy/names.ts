/**
 * Small facts about names that several rules and the config patterns share: how to quote a value
 * in a message, whether one name lies under another, and what (if anything) makes a string an
 * invalid hostname. Kept free of tree and policy knowledge so config validation can use it too.
 */
import {isHostname} from '../graph/hostname.js'

/** Longest name and label a DNS hostname may have (RFC 1035 §2.3.4, RFC 1123 §2.1). */
export const MAX_NAME_LENGTH = 253
export const MAX_LABEL_LENGTH = 63

/** What dnsmasq writes instead of a name that held a non-printable byte. */
export const UNPRINTABLE_NAME = '<name unprintable>'

/**
 * Wrap a value in backticks for a message, escaping what a terminal would act on.
 *
 * @param value Any string, hostile ones included.
 * @returns `` `value` `` with control characters and backticks escaped.
 */
export function code(value: string): string {
  const escaped = value.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f`\\]/g,
    (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'),
  )
  return '`' + escaped + '`'
}

/**
 * List values for a message: `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
 *
 * @param values Values to quote, in the order to show them.
 * @param conjunction Word before the last value.
 */
export function listValues(values: readonly string[], conjunction = 'or'): string {
  const quoted = values.map((value) => code(value))
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1) ?? ''}`
}

/**
 * Whether `name` is `domain` or lies under it (`a.example.com` under `example.com`).
 *
 * @param name Lowercase name.
 * @param domain Lowercase name or suffix.
 */
export function isSameOrUnder(name: string, domain: string): boolean {
  return name === domain || name.endsWith('.' + domain)
}

/** Whether `name` lies strictly under `domain`. */
export function isUnder(name: string, domain: string): boolean {
  return name.endsWith('.' + domain)
}

/**
 * Say what makes `raw` an invalid hostname: LDH labels (letters, digits, inner `-`), `_` allowed
 * in labels other than the last (service names such as `_http._tcp`), labels of 1–63 characters,
 * at most 253 characters, and a last label that is not all digits. Case and one trailing dot are
 * ignored, as DNS ignores them.
 *
 * @param raw A name as logged.
 * @returns A message fragment starting with "Unexpected …", or `undefined` for a valid hostname.
 */
export function hostnameProblem(raw: string): string | undefined {
  if (raw === UNPRINTABLE_NAME) {
    return `Unexpected unprintable name ${code(raw)}, expected a hostname`
  }
  const name = raw.endsWith('.') ? raw.slice(0, -1) : raw
  if (name.length === 0) return `Unexpected empty name, expected a hostname`
  if (name.length > MAX_NAME_LENGTH) {
    return `Unexpected name of ${name.length} characters ${code(truncate(name))}, expected at most ${MAX_NAME_LENGTH}`
  }
  const bad = /[^a-z\d_.-]/i.exec(name)
  if (bad) {
    return `Unexpected character ${code(bad[0])} in ${code(raw)}, expected letters, digits, \`-\`, \`_\` or \`.\``
  }
  const labels = name.split('.')
  for (const [index, label] of labels.entries()) {
    const last = index === labels.length - 1
    if (label.length === 0) {
      return `Unexpected empty label in ${code(raw)}, expected labels of 1 to ${MAX_LABEL_LENGTH} characters`
    }
    if (label.length > MAX_LABEL_LENGTH) {
      return `Unexpected label of ${label.length} characters in ${code(truncate(raw))}, expected at most ${MAX_LABEL_LENGTH}`
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return `Unexpected \`-\` at the edge of label ${code(label)} in ${code(raw)}, expected a letter or digit there`
    }
    if (last && label.includes('_')) {
      return `Unexpected \`_\` in the last label of ${code(raw)}, expected letters, digits or \`-\``
    }
    if (last && /^\d+$/.test(label)) {
      return `Unexpected numeric last label ${code(label)} in ${code(raw)}, expected a top-level domain`
    }
  }
  // The renderers' own check is the last word; the reasons above only explain it.
  if (!isHostname(name.toLowerCase())) return `Unexpected name ${code(raw)}, expected a hostname`
  return undefined
}

function truncate(value: string): string {
  return value.length > 40 ? value.slice(0, 40) + '…' : value
}
