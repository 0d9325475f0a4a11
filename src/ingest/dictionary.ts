/**
 * Strings numbered 0, 1, 2 … in the order they are first seen: graph keys and client labels
 * while scanning, and every dictionary of the scan states being merged.
 */
export class Dictionary {
  /** The strings, by id. */
  readonly values: string[] = []
  private readonly byValue = new Map<string, number>()

  /** The id of `value`, numbering it when new. */
  id(value: string): number {
    let id = this.byValue.get(value)
    if (id === undefined) {
      id = this.values.length
      this.values.push(value)
      this.byValue.set(value, id)
    }
    return id
  }

  /** The ids of `values`, numbering those not seen yet. */
  idsOf(values: readonly string[]): Int32Array {
    const ids = new Int32Array(values.length)
    for (const [index, value] of values.entries()) ids[index] = this.id(value)
    return ids
  }
}
