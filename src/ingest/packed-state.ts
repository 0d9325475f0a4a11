/**
 * A scan state (scan-state.ts) as a scan hands it over: the same integer arrays, with each
 * dictionary as one text holding every value followed by a newline (no value holds one). A
 * reader thread then posts a few strings instead of tens of thousands, and the compiled
 * document writer (document-names.ts) reads the texts as they are; the graph's side splits
 * them back (`unpackState`).
 */
import type {ScanArrays, ScanState} from './scan-state.js'

export interface PackedState extends ScanArrays {
  /** Key id → graph key; type id → query type; address id → address: a line each. */
  keys: string
  types: string
  addresses: string
  /** Label id → client address or instance name (a caller's client map may name it anything). */
  labels: string[]
  /** The spellings of the keys in `spellingCounts`, in that order, sorted per key. */
  spellings: string
  /** (key id, number of spellings) per key with spellings. */
  spellingCounts: Int32Array
}

/** Values as a packed text: each followed by a newline. */
function packLines(values: readonly string[]): string {
  return values.length > 0 ? `${values.join('\n')}\n` : ''
}

/** The values of a packed text. */
export function unpackLines(text: string): string[] {
  return text === '' ? [] : text.slice(0, -1).split('\n')
}

/** The spellings of a scan, packed. */
export function packSpellings(
  rawNames: ReadonlyArray<readonly [number, readonly string[]]>,
): Pick<PackedState, 'spellings' | 'spellingCounts'> {
  const counts = new Int32Array(rawNames.length * 2)
  const spellings: string[] = []
  for (const [index, [keyId, names]] of rawNames.entries()) {
    counts[index * 2] = keyId
    counts[index * 2 + 1] = names.length
    spellings.push(...names)
  }
  return {spellings: packLines(spellings), spellingCounts: counts}
}

/** The state with its dictionaries as arrays again. */
export function unpackState(packed: PackedState): ScanState {
  const spellings = unpackLines(packed.spellings)
  const rawNames: Array<[number, string[]]> = []
  let next = 0
  for (let at = 0; at < packed.spellingCounts.length; at += 2) {
    const count = packed.spellingCounts[at + 1] as number
    rawNames.push([packed.spellingCounts[at] as number, spellings.slice(next, next + count)])
    next += count
  }
  return {
    keys: unpackLines(packed.keys),
    types: unpackLines(packed.types),
    addresses: unpackLines(packed.addresses),
    labels: packed.labels,
    names: packed.names,
    slots: packed.slots,
    v4: packed.v4,
    v6: packed.v6,
    cnames: packed.cnames,
    clients: packed.clients,
    rawNames,
  }
}

/** The arrays of a state, whose buffers a thread can hand over instead of copying. */
export function stateBuffers(state: PackedState): ArrayBuffer[] {
  const arrays = [state.spellingCounts, state.names, state.slots, state.v4, state.v6]
  return [...arrays, state.cnames, state.clients].map((array) => array.buffer as ArrayBuffer)
}
