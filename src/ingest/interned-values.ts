/**
 * The strings behind the scanner's ids, and the answers to what it asks once per distinct
 * value (assembly/host.ts): the graph key of a raw name that is not ASCII (lowercased,
 * trailing dot stripped, punycode), a client's label under the client filter, and each name's
 * spellings. Each value is decoded once, the first time it is asked for.
 */
import {RAW_NAMES_LIMIT} from '../graph/types.js'
import {Dictionary} from './dictionary.js'
import {normalizeName, reverseName} from './normalize-name.js'
import {packSpellings, type PackedState} from './packed-state.js'
import type {ScanArrays} from './scan-state.js'
import type {ScannerHost, ScannerInstance} from './scanner-module.js'
import {VALUE_ADDRESS, VALUE_CLIENT, VALUE_KEY, VALUE_NAME, VALUE_TYPE} from './scan-records.js'

/** The graph key id of a name that has none (the root, `.`). */
const NO_KEY = -1

export class InternedValues implements ScannerHost {
  private readonly labels = new Dictionary()
  /** Sorted spellings by key id, at most RAW_NAMES_LIMIT each. */
  private readonly rawNames = new Map<number, string[]>()
  private lastNameId = -1
  private lastName = ''
  /** Set by `attach`: the scanner is created with its host, so it comes second. */
  private scanner: ScannerInstance | undefined

  /** @param clientMap Client IP → recorded name; when set, other clients get label -1. */
  constructor(private readonly clientMap: ReadonlyMap<string, string> | undefined) {}

  attach(scanner: ScannerInstance): void {
    this.scanner = scanner
  }

  /** The scanner keys ASCII names itself (assembly/keys.ts); this is for the others. */
  keyOf(rawId: number): number {
    return this.keyIdOf(normalizeName(this.text(VALUE_NAME, rawId)))
  }

  /** PTR answers from hosts files put the address in the name slot: its reverse name's key. */
  reversedKeyOf(rawId: number): number {
    const reversed = reverseName(this.text(VALUE_NAME, rawId))
    return reversed === undefined ? NO_KEY : this.keyIdOf(reversed)
  }

  labelOf(clientId: number): number {
    const address = this.text(VALUE_CLIENT, clientId)
    const name = this.clientMap ? this.clientMap.get(address) : address
    return name === undefined ? -1 : this.labels.id(name)
  }

  spelled(rawId: number, keyId: number): void {
    const raw = this.text(VALUE_NAME, rawId)
    const names = this.rawNames.get(keyId) ?? []
    // Keep the first RAW_NAMES_LIMIT in sort order, as merging does.
    if (names.includes(raw)) return
    if (names.length >= RAW_NAMES_LIMIT && raw >= (names[names.length - 1] ?? '')) return
    names.push(raw)
    names.sort()
    if (names.length > RAW_NAMES_LIMIT) names.length = RAW_NAMES_LIMIT
    this.rawNames.set(keyId, names)
  }

  /** Every id's string, for a scan state. */
  dictionaries(): Omit<PackedState, keyof ScanArrays> {
    return {
      keys: this.attached().lines(VALUE_KEY, 'utf8'),
      types: this.attached().lines(VALUE_TYPE, 'latin1'),
      addresses: this.attached().lines(VALUE_ADDRESS, 'latin1'),
      labels: [...this.labels.values],
      ...packSpellings([...this.rawNames]),
    }
  }

  /**
   * Names are decoded as UTF-8 (lossy for invalid bytes, which still reach the graph). The last
   * name is kept: a new name is asked for its key and then reported as a spelling.
   */
  private text(kind: number, id: number): string {
    if (kind !== VALUE_NAME) return this.attached().text(kind, id, 'latin1')
    if (id !== this.lastNameId) {
      this.lastName = this.attached().text(kind, id, 'utf8')
      this.lastNameId = id
    }
    return this.lastName
  }

  private attached(): ScannerInstance {
    if (!this.scanner) throw new Error('InternedValues: no scanner attached')
    return this.scanner
  }

  private keyIdOf(key: string): number {
    return key === '' ? NO_KEY : this.attached().internKey(key)
  }
}
