/**
 * What counts as a hostname that may reach an allow-list: LDH labels (letters, digits, hyphen,
 * not at either end), `_` allowed in labels other than the last (service names such as
 * `_acme-challenge`), labels of 1–63 octets, at most 253 octets in all, a last label that is not
 * all digits (so IP literals are not hostnames). Input is expected lowercased ASCII (punycode).
 */

const LABEL = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/
const FINAL_LABEL = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)$/

/**
 * Check a normalised name.
 *
 * @param name Lowercase ASCII name without a trailing dot.
 * @returns `true` when every output format can carry it verbatim.
 */
export function isHostname(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false
  const labels = name.split('.')
  const last = labels[labels.length - 1] as string
  if (!FINAL_LABEL.test(last) || /^\d+$/.test(last)) return false
  for (let index = 0; index < labels.length - 1; index++) {
    if (!LABEL.test(labels[index] as string)) return false
  }
  return true
}
