/**
 * Code-unit string order, the order every list and report is sorted in: unlike `localeCompare`
 * it does not depend on the machine's locale, so output is the same everywhere.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
