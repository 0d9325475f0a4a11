/**
 * Growing the flat Int32Array tables ingest keeps its per-name and per-pair numbers in.
 */

/**
 * `array` itself when it already has room for `index`, else a copy at least twice as long.
 *
 * @param fill The value of the new entries.
 */
export function withRoomFor(array: Int32Array, index: number, fill = 0): Int32Array {
  if (index < array.length) return array
  let length = Math.max(array.length * 2, 16)
  while (length <= index) length *= 2
  const grown = new Int32Array(length)
  if (fill !== 0) grown.fill(fill, array.length)
  grown.set(array)
  return grown
}
