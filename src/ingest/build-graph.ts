/**
 * Pairs queries with their answers and accumulates what each name did, for one source.
 *
 * In `log-queries=extra` mode every line carries the query's serial, so an answer belongs to
 * the query with the same process and serial. Otherwise an answer belongs to the oldest
 * pending query of the same process for the same name (an IPv4 answer preferring an `A`
 * query, and so on). Answer lines that directly follow a `<CNAME>` answer in the same stream
 * are the next link of the chain: they get the asking query's type and a CNAME edge.
 * Pending queries are forgotten after a window of lines, so memory follows the number of
 * names, not the length of the log. Messages arrive as the scanner's records, with names,
 * types, clients and addresses as ids (scan-records.ts), so the per-line work is integer work.
 */
import {RAW_NAMES_LIMIT} from '../graph/types.js'
import {AddressSets} from './address-sets.js'
import {InternedValues, NO_KEY} from './interned-values.js'
import {NameCounters} from './name-counters.js'
import {PairIndex} from './pair-index.js'
import {NO_QUERY, QueryTable} from './query-table.js'
import {
  ANSWER_ADDRESS_V4,
  ANSWER_ADDRESS_V6,
  ANSWER_CNAME,
  ANSWER_NODATA,
  ANSWER_NXDOMAIN,
  ANSWER_OTHER,
  FIELD_ADDRESS,
  FIELD_ANSWER,
  FIELD_CLIENT,
  FIELD_IMPLIED,
  FIELD_KIND,
  FIELD_LINE,
  FIELD_LOCAL,
  FIELD_NAME,
  FIELD_PID,
  FIELD_SERIAL,
  FIELD_TIME,
  FIELD_TYPE,
  IMPLIED_A,
  IMPLIED_NONE,
  LOCAL_CONFIG,
  LOCAL_HOSTS,
  MESSAGE_ANSWER,
  MESSAGE_ERROR,
  MESSAGE_FORWARDED,
  MESSAGE_LOCAL,
  MESSAGE_QUERY,
  TYPE_A,
  TYPE_AAAA,
} from './scan-records.js'
import type {ScannerInstance} from './scanner-module.js'
import {
  OUTCOME_ADDRESS,
  OUTCOME_CNAME,
  OUTCOME_CONFIG,
  OUTCOME_DHCP,
  OUTCOME_HOSTS,
  OUTCOME_NODATA,
  OUTCOME_NXDOMAIN,
  OUTCOME_REFUSED,
  OUTCOME_UNANSWERED,
} from './outcomes.js'
import type {ScanState} from './scan-state.js'

/** Lines after which an unanswered query counts as `unanswered` and its state is dropped. */
export const PENDING_WINDOW = 5000
const SWEEP_INTERVAL = 4096

interface ProcessState {
  /** Plain-mode lines (no serial). */
  plain: Stream
  /** Extra-mode streams by serial. */
  serials: Map<number, Stream>
  /** Per name key, the oldest of its pending queries (plain mode), chained through `next`. */
  pending: Map<number, number>
  /** Plain-mode queries in arrival order, for `reply error is …`, which names no query. */
  recent: number[]
}

/** The lines of one process (plain mode) or one query serial (extra mode). */
interface Stream {
  /** Extra mode: the serial's query (NO_QUERY: none). Plain mode: unused. */
  query: number
  /** The previous answer line of this stream, while answers follow each other (NO_KEY: none). */
  lastKey: number
  lastCname: boolean
  lastQuery: number
  /** The key the previous answer was recorded for, or NO_KEY when it was not recorded. */
  lastRecorded: number
  line: number
}

export interface BuildOptions {
  /** Client IP → recorded name; when set, queries from other clients are ignored. */
  clients?: ReadonlyMap<string, string> | undefined
}

export class GraphBuilder {
  /** The counts, times and first lines of every observed name. */
  private readonly counters = new NameCounters()
  /** Queries that counted. */
  queries = 0
  /** Answer lines that matched no pending query (the log started mid-query, or lost lines). */
  orphanAnswers = 0
  /**
   * While `true` (a worker reading past the end of its slice), only answers to queries already
   * pending are taken; queries and unmatched lines belong to the next slice.
   */
  tail = false

  private readonly values: InternedValues
  /** Every query still being paired, and the settled ones a stream still points at. */
  private readonly pendingQueries = new QueryTable()
  /** The addresses of every address answer, per name. */
  private readonly v4: AddressSets
  private readonly v6: AddressSets
  /** (alias key, target key) of every CNAME link. */
  private readonly cnames = new PairIndex()
  /** (key, client label) of every counted query. */
  private readonly clients = new PairIndex()
  /** Sorted spellings by key id, at most RAW_NAMES_LIMIT each. */
  private readonly rawNames = new Map<number, string[]>()
  /** 1 for raw name ids already added to their name's spellings. */
  private readonly recordedSpelling: number[] = []
  /**
   * Per process: its streams (key -1 for plain mode, else the serial) and its pending queries
   * by name key. Two levels keep every map key a small integer, which V8 hashes without
   * allocating.
   */
  private readonly processes = new Map<number, ProcessState>()
  private nextSweep = SWEEP_INTERVAL
  /** The process of the previous line: consecutive lines mostly come from the same one. */
  private lastPid = -1
  private lastProcess: ProcessState | undefined

  /** @param scanner The scanner whose records `add` takes, which holds their values' bytes. */
  constructor(scanner: ScannerInstance, options: BuildOptions = {}) {
    this.values = new InternedValues(scanner, options.clients)
    this.v4 = new AddressSets(this.counters, 0)
    this.v6 = new AddressSets(this.counters, 1)
  }

  /** Take the dnsmasq message in the scanner's record at `records[at]`. */
  add(records: Int32Array, at: number): void {
    const pid = records[at + FIELD_PID] as number
    const serial = records[at + FIELD_SERIAL] as number
    const line = records[at + FIELD_LINE] as number
    const kind = records[at + FIELD_KIND] as number
    if (line >= this.nextSweep) this.sweep(line)
    let process = pid === this.lastPid ? this.lastProcess : this.processes.get(pid)
    if (!process) {
      process = {plain: createStream(line), serials: new Map(), pending: new Map(), recent: []}
      this.processes.set(pid, process)
    }
    this.lastPid = pid
    this.lastProcess = process
    let stream = serial < 0 ? process.plain : process.serials.get(serial)
    if (!stream) {
      if (this.tail && kind === MESSAGE_QUERY) return
      stream = createStream(line)
      process.serials.set(serial, stream)
    }
    stream.line = line
    switch (kind) {
      case MESSAGE_QUERY:
        if (this.tail) this.handOver(stream, process, records[at + FIELD_NAME] as number)
        else this.addQuery(stream, process, records, at)
        break
      case MESSAGE_ANSWER:
      case MESSAGE_LOCAL:
        this.addAnswer(stream, process, records, at)
        return
      case MESSAGE_FORWARDED:
        // Only ends a run of answers: which query it forwards does not change the graph.
        break
      case MESSAGE_ERROR: {
        // `reply error is REFUSED` names no name. With a serial it is the serial's query;
        // without, the process's latest query still waiting for an answer.
        const query = serial >= 0 ? stream.query : this.latestWaiting(process.recent)
        const table = this.pendingQueries
        if (query !== NO_QUERY && table.isCounted(query) && !table.isDone(query)) {
          this.record(query, table.keyId(query), OUTCOME_REFUSED)
          this.counters.seenAt(table.keyId(query), records[at + FIELD_TIME] as number)
        }
        break
      }
    }
    stream.lastKey = NO_KEY
  }

  /** Settle every pending query; call once after the last line. */
  finish(): void {
    for (const process of this.processes.values()) {
      for (const stream of process.serials.values()) this.settle(stream.query)
      for (const oldest of process.pending.values()) this.settleChain(oldest)
    }
    this.processes.clear()
    this.lastPid = -1
    this.lastProcess = undefined
  }

  /** What the scan found, for merging with other slices and building the graph. */
  state(): ScanState {
    const names: number[] = []
    const counters = this.counters
    for (let keyId = 0; keyId < this.values.keyCount; keyId++) {
      if (!counters.isObserved(keyId)) continue
      names.push(keyId, counters.firstLine(keyId), counters.first(keyId), counters.last(keyId))
    }
    return {
      ...this.values.dictionaries(),
      names: Int32Array.from(names),
      slots: counters.slotRecords().slice(),
      v4: this.v4.pairs(),
      v6: this.v6.pairs(),
      cnames: this.cnames.pairs(),
      clients: this.clients.pairs(),
      rawNames: [...this.rawNames],
    }
  }

  private addQuery(stream: Stream, process: ProcessState, records: Int32Array, at: number): void {
    const line = records[at + FIELD_LINE] as number
    const rawId = records[at + FIELD_NAME] as number
    const keyId = this.values.rawKey(rawId)
    const typeId = records[at + FIELD_TYPE] as number
    const client = records[at + FIELD_CLIENT] as number
    const label = this.values.labelOf(client)
    const counted = label >= 0 && keyId !== NO_KEY
    let slot = -1
    if (counted) {
      this.observe(rawId, keyId, line)
      slot = this.counters.slot(keyId, typeId)
      this.counters.countQuery(slot)
      // Most names are asked by one client over and over: skip the set when it is the last one.
      if (this.counters.takeClient(keyId, client)) this.clients.add(keyId, label)
      this.counters.seenAt(keyId, records[at + FIELD_TIME] as number)
      this.queries++
    }
    const table = this.pendingQueries
    const query = table.create(keyId, typeId, counted, slot, line)
    if ((records[at + FIELD_SERIAL] as number) >= 0) {
      this.settle(stream.query)
      stream.query = query
    } else {
      // A repeated question replaces the earlier one of the same type.
      this.compactChain(process, keyId, typeId, -1, query)
      process.recent.push(query)
    }
  }

  private addAnswer(stream: Stream, process: ProcessState, records: Int32Array, at: number): void {
    const rawId = records[at + FIELD_NAME] as number
    const answer = records[at + FIELD_ANSWER] as number
    let keyId = this.values.rawKey(rawId)
    let spelling = rawId
    if (answer === ANSWER_OTHER) {
      const reversed = this.values.reversedKey(rawId)
      if (reversed !== NO_KEY) {
        keyId = reversed
        spelling = -1
      }
    }
    const chained = stream.lastKey !== NO_KEY && stream.lastCname
    let query: number
    if (chained || (stream.lastKey === keyId && keyId !== NO_KEY)) query = stream.lastQuery
    else if ((records[at + FIELD_SERIAL] as number) >= 0) query = stream.query
    else query = this.findPending(process, keyId, records[at + FIELD_IMPLIED] as number)

    const table = this.pendingQueries
    if (this.tail && (query === NO_QUERY || table.isDone(query))) return
    let recorded = NO_KEY
    if (query === NO_QUERY) this.orphanAnswers++
    else if (table.isCounted(query) && keyId !== NO_KEY) {
      this.observe(spelling, keyId, records[at + FIELD_LINE] as number)
      recorded = keyId
      if (chained && stream.lastRecorded !== NO_KEY) this.cnames.add(stream.lastRecorded, keyId)
      this.record(query, keyId, outcomeOf(records, at))
      if (answer === ANSWER_ADDRESS_V4) this.v4.add(keyId, records[at + FIELD_ADDRESS] as number)
      else if (answer === ANSWER_ADDRESS_V6) {
        this.v6.add(keyId, records[at + FIELD_ADDRESS] as number)
      }
      this.counters.seenAt(keyId, records[at + FIELD_TIME] as number)
    }
    stream.lastKey = keyId === NO_KEY ? -2 : keyId
    stream.lastCname = answer === ANSWER_CNAME
    stream.lastQuery = query
    stream.lastRecorded = recorded
  }

  /**
   * In the tail, a new query belongs to the next slice: answers for its name from here on are
   * not this slice's, even those that would extend an earlier, answered query.
   */
  private handOver(stream: Stream, process: ProcessState, rawId: number): void {
    stream.query = NO_QUERY
    const keyId = this.values.rawKey(rawId)
    // A placeholder, so that a `reply error` for the handed-over query is not taken as ours.
    process.recent.push(this.pendingQueries.create(keyId, -1, false, -1, -1))
    this.settleChain(process.pending.get(keyId) ?? NO_QUERY)
    process.pending.delete(keyId)
  }

  /** Count `outcome` for `keyId` under the query's type, once per query. */
  private record(query: number, keyId: number, outcome: number): void {
    const table = this.pendingQueries
    table.markAnswered(query)
    if (!table.recordOnce(query, keyId, outcome)) return
    const slot =
      keyId === table.keyId(query)
        ? table.slot(query)
        : this.counters.slot(keyId, table.typeId(query))
    this.counters.countOutcome(slot, outcome)
  }

  /**
   * The pending query an answer for `keyId` belongs to: the oldest unanswered one (of the
   * implied type when there is one), else the newest answered one (more addresses for it).
   */
  private findPending(process: ProcessState, keyId: number, implied: number): number {
    const impliedType = implied === IMPLIED_NONE ? -1 : implied === IMPLIED_A ? TYPE_A : TYPE_AAAA
    const table = this.pendingQueries
    let fallback = NO_QUERY
    let newest = NO_QUERY
    const oldest = process.pending.get(keyId) ?? NO_QUERY
    for (let query = oldest; query !== NO_QUERY; query = table.next(query)) {
      if (table.isDone(query)) continue
      newest = query
      if (table.isAnswered(query)) continue
      if (impliedType < 0 || table.typeId(query) === impliedType) return query
      if (fallback === NO_QUERY) fallback = query
    }
    return fallback === NO_QUERY ? newest : fallback
  }

  /** The latest of `queries` still waiting for an answer, or NO_QUERY. */
  private latestWaiting(queries: readonly number[]): number {
    for (let index = queries.length - 1; index >= 0; index--) {
      const query = queries[index] as number
      if (this.pendingQueries.isWaiting(query)) return query
    }
    return NO_QUERY
  }

  /** Close a query: one that never got an answer counts as `unanswered`. */
  private settle(query: number): void {
    const table = this.pendingQueries
    if (query === NO_QUERY || table.isDone(query)) return
    table.markDone(query)
    if (!table.isAnswered(query) && table.isCounted(query)) {
      this.counters.countOutcome(table.slot(query), OUTCOME_UNANSWERED)
    }
  }

  /**
   * Settle the queries of a name's pending chain of `typeId` or from before line `before`,
   * drop the settled ones, and append `query` (NO_QUERY: none); a chain left empty is removed.
   * Numbers rather than a predicate, so that the per-query call allocates no closure.
   */
  private compactChain(
    process: ProcessState,
    keyId: number,
    typeId: number,
    before: number,
    query: number,
  ): void {
    const table = this.pendingQueries
    const head = process.pending.get(keyId) ?? NO_QUERY
    let first = NO_QUERY
    let last = NO_QUERY
    for (let earlier = head; earlier !== NO_QUERY; earlier = table.next(earlier)) {
      if (table.typeId(earlier) === typeId || table.line(earlier) < before) this.settle(earlier)
      if (table.isDone(earlier)) continue
      if (last === NO_QUERY) first = earlier
      else table.setNext(last, earlier)
      last = earlier
    }
    if (query !== NO_QUERY) {
      if (last === NO_QUERY) first = query
      else table.setNext(last, query)
      last = query
    }
    if (last === NO_QUERY) {
      process.pending.delete(keyId)
      return
    }
    table.setNext(last, NO_QUERY)
    if (first !== head) process.pending.set(keyId, first)
  }

  /** Settle a pending chain from its oldest query on. */
  private settleChain(oldest: number): void {
    const table = this.pendingQueries
    for (let query = oldest; query !== NO_QUERY; query = table.next(query)) this.settle(query)
  }

  /** Settle and forget queries and streams older than the window. */
  private sweep(line: number): void {
    this.nextSweep = line + SWEEP_INTERVAL
    const oldest = line - PENDING_WINDOW
    const table = this.pendingQueries
    for (const [pid, process] of this.processes) {
      for (const [key, stream] of process.serials) {
        if (stream.line >= oldest) continue
        if (stream.query !== NO_QUERY && table.line(stream.query) < oldest)
          this.settle(stream.query)
        process.serials.delete(key)
      }
      // Deleting or updating the entry being visited is safe while iterating a Map.
      for (const key of process.pending.keys())
        this.compactChain(process, key, -1, oldest, NO_QUERY)
      let kept = 0
      for (const query of process.recent) if (!table.isDone(query)) process.recent[kept++] = query
      process.recent.length = kept
      if (process.plain.line < oldest && process.serials.size === 0 && process.pending.size === 0) {
        this.processes.delete(pid)
      }
    }
    table.collect((mark) => {
      for (const process of this.processes.values()) {
        for (const head of process.pending.values()) {
          for (let query = head; query !== NO_QUERY; query = table.next(query)) mark(query)
        }
        for (const query of process.recent) mark(query)
        for (const stream of [process.plain, ...process.serials.values()]) {
          mark(stream.query)
          mark(stream.lastQuery)
        }
      }
    })
    this.lastPid = -1
    this.lastProcess = undefined
  }

  /**
   * Mark a name observed and record its spelling.
   *
   * @param rawId The spelling to record, or -1 to record none.
   */
  private observe(rawId: number, keyId: number, line: number): void {
    this.counters.observe(keyId, line)
    if (rawId < 0) return
    while (this.recordedSpelling.length <= rawId) this.recordedSpelling.push(0)
    if (this.recordedSpelling[rawId] === 1) return
    this.recordedSpelling[rawId] = 1
    const raw = this.values.rawText(rawId)
    const names = this.rawNames.get(keyId) ?? []
    // Keep the first RAW_NAMES_LIMIT in sort order, as merging does.
    if (names.includes(raw)) return
    if (names.length >= RAW_NAMES_LIMIT && raw >= (names[names.length - 1] ?? '')) return
    names.push(raw)
    names.sort()
    if (names.length > RAW_NAMES_LIMIT) names.length = RAW_NAMES_LIMIT
    this.rawNames.set(keyId, names)
  }
}

function createStream(line: number): Stream {
  return {
    query: NO_QUERY,
    lastKey: NO_KEY,
    lastCname: false,
    lastQuery: NO_QUERY,
    lastRecorded: NO_KEY,
    line,
  }
}

function outcomeOf(records: Int32Array, at: number): number {
  if (records[at + FIELD_KIND] === MESSAGE_LOCAL) {
    const local = records[at + FIELD_LOCAL]
    return local === LOCAL_CONFIG
      ? OUTCOME_CONFIG
      : local === LOCAL_HOSTS
        ? OUTCOME_HOSTS
        : OUTCOME_DHCP
  }
  switch (records[at + FIELD_ANSWER]) {
    case ANSWER_CNAME:
      return OUTCOME_CNAME
    case ANSWER_NXDOMAIN:
      return OUTCOME_NXDOMAIN
    case ANSWER_NODATA:
      return OUTCOME_NODATA
    default:
      return OUTCOME_ADDRESS
  }
}
