/**
 * The distinct values one log mentions (raw names and their graph keys, query types, client
 * labels, addresses), interned from line bytes into small integer ids. Each value is decoded
 * and normalised once; the builder works with ids and turns them back into strings only when
 * it freezes the graph.
 */
import {ByteInterner} from './byte-interner.js'
import {Dictionary} from './dictionary.js'
import type {ScanState} from './scan-state.js'
import {normalizeName, reverseName} from './normalize-name.js'

/** The graph key id of a name that has none (the root, `.`). */
export const NO_KEY = -1

export class InternedValues {
  readonly typeA: number
  readonly typeAaaa: number
  private readonly rawNames = new ByteInterner('utf8')
  /** Raw name id → key id. Ids come in order, so arrays indexed by them stay packed. */
  private readonly rawKeys: number[] = []
  private readonly keys = new Dictionary()
  private readonly reversedKeys = new Map<number, number>()
  private readonly types = new ByteInterner('latin1')
  /** Shared by the builder's address sets, which intern through it. */
  readonly addresses = new ByteInterner('latin1')
  private readonly clients = new ByteInterner('latin1')
  /** Client id → label id, or -1 for clients the filter ignores. */
  private readonly clientLabels: number[] = []
  private readonly labels = new Dictionary()
  /** The raw name id of the previous call: a query's answers repeat its name line after line. */
  private lastRawName = -1

  /** @param clientMap Client IP → recorded name; when set, other clients get label -1. */
  constructor(private readonly clientMap: ReadonlyMap<string, string> | undefined) {
    this.typeA = this.types.intern(Buffer.from('A'), 0, 1)
    this.typeAaaa = this.types.intern(Buffer.from('AAAA'), 0, 4)
  }

  /** Key ids in use: 0 … keyCount-1. */
  get keyCount(): number {
    return this.keys.values.length
  }

  /** Every id's string, for a scan state. */
  dictionaries(): Pick<ScanState, 'keys' | 'types' | 'addresses' | 'labels'> {
    return {
      keys: [...this.keys.values],
      types: this.types.texts(),
      addresses: this.addresses.texts(),
      labels: [...this.labels.values],
    }
  }

  /** The id of the spelling in `buffer[start, end)`. */
  rawName(buffer: Uint8Array, start: number, end: number): number {
    const id = this.rawNames.intern(buffer, start, end)
    this.lastRawName = id
    return id
  }

  /** `rawName` for an answer line, which mostly repeats the name of the line before. */
  repeatedRawName(buffer: Uint8Array, start: number, end: number): number {
    const last = this.lastRawName
    if (last >= 0 && this.rawNames.matches(last, buffer, start, end)) return last
    return this.rawName(buffer, start, end)
  }

  rawText(rawId: number): string {
    return this.rawNames.text(rawId)
  }

  /** The key id of a raw name id (NO_KEY for the root). */
  rawKey(rawId: number): number {
    if (rawId < this.rawKeys.length) return this.rawKeys[rawId] as number
    const keyId = this.keyIdOf(normalizeName(this.rawNames.text(rawId)))
    this.rawKeys.push(keyId)
    return keyId
  }

  /** The key id of the name in `buffer[start, end)`. */
  keyOf(buffer: Uint8Array, start: number, end: number): number {
    return this.rawKey(this.rawNames.intern(buffer, start, end))
  }

  /** PTR answers from hosts files put the address in the name slot: its reverse name's key. */
  reversedKey(rawId: number): number {
    let keyId = this.reversedKeys.get(rawId)
    if (keyId === undefined) {
      const reversed = reverseName(this.rawNames.text(rawId))
      keyId = reversed === undefined ? NO_KEY : this.keyIdOf(reversed)
      this.reversedKeys.set(rawId, keyId)
    }
    return keyId
  }

  typeOf(buffer: Uint8Array, start: number, end: number): number {
    // Most queries are A or AAAA: skip hashing them.
    const length = end - start
    if (length === 1 && buffer[start] === 0x41) return this.typeA
    if (length === 4 && buffer[start] === 0x41 && buffer[start + 1] === 0x41) {
      if (buffer[start + 2] === 0x41 && buffer[start + 3] === 0x41) return this.typeAaaa
    }
    return this.types.intern(buffer, start, end)
  }

  /**
   * The id of the client address in `buffer[start, end)`.
   *
   * @param likely A client id to try first (a name is mostly asked by the same client), or -1.
   */
  clientOf(buffer: Uint8Array, start: number, end: number, likely: number): number {
    if (likely >= 0 && this.clients.matches(likely, buffer, start, end)) return likely
    return this.clients.intern(buffer, start, end)
  }

  /** The label id of a client id, or -1 when the filter ignores the client. */
  labelOf(clientId: number): number {
    if (clientId < this.clientLabels.length) return this.clientLabels[clientId] as number
    const address = this.clients.text(clientId)
    const name = this.clientMap ? this.clientMap.get(address) : address
    const label = name === undefined ? -1 : this.labels.id(name)
    this.clientLabels.push(label)
    return label
  }

  private keyIdOf(key: string): number {
    return key === '' ? NO_KEY : this.keys.id(key)
  }
}
