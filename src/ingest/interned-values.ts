/**
 * The distinct values one log mentions (raw names and their graph keys, query types, client
 * labels, addresses) as small integer ids. The compiled scanner interns the bytes; this side
 * decodes and normalises each value once, the first time the builder asks, and turns ids back
 * into strings only when the graph is frozen.
 */
import {Dictionary} from './dictionary.js'
import {withRoomFor} from './int-arrays.js'
import type {ScanState} from './scan-state.js'
import type {ScannerInstance} from './scanner-module.js'
import {VALUE_ADDRESS, VALUE_CLIENT, VALUE_NAME, VALUE_TYPE} from './scan-records.js'
import {normalizeName, reverseName} from './normalize-name.js'

/** The graph key id of a name that has none (the root, `.`). */
export const NO_KEY = -1
/** Not looked up yet. */
const UNKNOWN = -2

export class InternedValues {
  /** Raw name id → key id, UNKNOWN until asked. */
  private rawKeys: Int32Array = new Int32Array(1024).fill(UNKNOWN)
  private readonly rawTexts: string[] = []
  private readonly keys = new Dictionary()
  private readonly reversedKeys = new Map<number, number>()
  /** Client id → label id, -1 for clients the filter ignores, UNKNOWN until asked. */
  private clientLabels: Int32Array = new Int32Array(64).fill(UNKNOWN)
  private readonly labels = new Dictionary()

  /**
   * @param scanner Holds the interned bytes.
   * @param clientMap Client IP → recorded name; when set, other clients get label -1.
   */
  constructor(
    private readonly scanner: ScannerInstance,
    private readonly clientMap: ReadonlyMap<string, string> | undefined,
  ) {}

  /** Key ids in use: 0 … keyCount-1. */
  get keyCount(): number {
    return this.keys.values.length
  }

  /** Every id's string, for a scan state. */
  dictionaries(): Pick<ScanState, 'keys' | 'types' | 'addresses' | 'labels'> {
    return {
      keys: [...this.keys.values],
      types: this.texts(VALUE_TYPE),
      addresses: this.texts(VALUE_ADDRESS),
      labels: [...this.labels.values],
    }
  }

  /** A raw name as logged (invalid UTF-8 replaced, as the graph shows it). */
  rawText(rawId: number): string {
    let text = this.rawTexts[rawId]
    if (text === undefined) {
      text = this.scanner.text(VALUE_NAME, rawId, 'utf8')
      this.rawTexts[rawId] = text
    }
    return text
  }

  /** The key id of a raw name id (NO_KEY for the root). */
  rawKey(rawId: number): number {
    if (rawId < this.rawKeys.length) {
      const known = this.rawKeys[rawId] as number
      if (known !== UNKNOWN) return known
    }
    const keyId = this.keyIdOf(normalizeName(this.rawText(rawId)))
    this.rawKeys = withRoomFor(this.rawKeys, rawId, UNKNOWN)
    this.rawKeys[rawId] = keyId
    return keyId
  }

  /** PTR answers from hosts files put the address in the name slot: its reverse name's key. */
  reversedKey(rawId: number): number {
    let keyId = this.reversedKeys.get(rawId)
    if (keyId === undefined) {
      const reversed = reverseName(this.rawText(rawId))
      keyId = reversed === undefined ? NO_KEY : this.keyIdOf(reversed)
      this.reversedKeys.set(rawId, keyId)
    }
    return keyId
  }

  /** The label id of a client id, or -1 when the filter ignores the client. */
  labelOf(clientId: number): number {
    if (clientId < this.clientLabels.length) {
      const known = this.clientLabels[clientId] as number
      if (known !== UNKNOWN) return known
    }
    const address = this.scanner.text(VALUE_CLIENT, clientId, 'latin1')
    const name = this.clientMap ? this.clientMap.get(address) : address
    const label = name === undefined ? -1 : this.labels.id(name)
    this.clientLabels = withRoomFor(this.clientLabels, clientId, UNKNOWN)
    this.clientLabels[clientId] = label
    return label
  }

  private texts(kind: number): string[] {
    const texts: string[] = []
    for (let id = 0; id < this.scanner.exports.valueCount(kind); id++) {
      texts.push(this.scanner.text(kind, id, 'latin1'))
    }
    return texts
  }

  private keyIdOf(key: string): number {
    return key === '' ? NO_KEY : this.keys.id(key)
  }
}
