/**
 * Query type spellings. A leaf module (no policy imports) so the tree walkers and the rules can
 * share it without import cycles.
 */

/**
 * dnsmasq logs types it has no mnemonic for as `type=N`; older releases do so for HTTPS (65) and
 * SVCB (64). Both spellings must count the same.
 */
const TYPE_NUMBERS: Record<string, string> = {
  'TYPE=1': 'A',
  'TYPE=28': 'AAAA',
  'TYPE=64': 'SVCB',
  'TYPE=65': 'HTTPS',
}

/**
 * The canonical spelling of a query type: uppercase, mnemonic where one is known.
 *
 * @param type A type as logged (`A`, `https`, `type=65`).
 */
export function canonicalQueryType(type: string): string {
  const upper = type.toUpperCase()
  return TYPE_NUMBERS[upper] ?? upper
}
