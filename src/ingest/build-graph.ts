/**
 * Pairs queries with their answers and accumulates what each name did, for one source.
 *
 * In `log-queries=extra` mode every line carries the query's serial, so an answer belongs to
 * the query with the same process and serial. Otherwise an answer belongs to the oldest
 * pending query of the same process for the same name (an IPv4 answer preferring an `A`
 * query, and so on). Answer lines that directly follow a `<CNAME>` answer in the same stream
 * are the next link of the chain: they get the asking query's type and a CNAME edge.
 * Pending queries are forgotten after a window of lines, so memory follows the number of
 * names, not the length of the log. Names, types, clients and addresses arrive as ids
 * (interned-values.ts), so the per-line work is integer work.
 */
import {InternedValues, NO_KEY} from './interned-values.js'
import {NameCounters} from './name-counters.js'
import {PairIndex} from './pair-index.js'
import {
  ANSWER_ADDRESS_V4,
  ANSWER_ADDRESS_V6,
  ANSWER_CNAME,
  ANSWER_NODATA,
  ANSWER_NXDOMAIN,
  ANSWER_OTHER,
  IMPLIED_A,
  IMPLIED_NONE,
  MESSAGE_ANSWER,
  MESSAGE_ERROR,
  MESSAGE_FORWARDED,
  MESSAGE_LOCAL,
  MESSAGE_QUERY,
  type Message,
} from './message.js'
import {
  addRawName,
  createNameState,
  OUTCOME_ADDRESS,
  OUTCOME_CNAME,
  OUTCOME_CONFIG,
  OUTCOME_DHCP,
  OUTCOME_HOSTS,
  OUTCOME_NODATA,
  OUTCOME_NXDOMAIN,
  OUTCOME_REFUSED,
  OUTCOME_UNANSWERED,
  type Dictionary,
  type NameState,
} from './name-state.js'

/** Lines after which an unanswered query counts as `unanswered` and its state is dropped. */
export const PENDING_WINDOW = 5000
const SWEEP_INTERVAL = 4096

interface PendingQuery {
  keyId: number
  typeId: number
  /** `undefined` when the query is ignored (client filter, root name): its answers are too. */
  state: NameState | undefined
  /** The counters' slot for the query's name and type (-1 without a state). */
  slot: number
  answered: boolean
  done: boolean
  line: number
  /** Outcomes already counted for the query's own name (bit per outcome). */
  recordedMask: number
  /** `keyId * 16 + outcome` already counted for chain members. */
  recordedOther: number[] | undefined
}

interface ProcessState {
  /** Plain-mode lines (no serial). */
  plain: Stream
  /** Extra-mode streams by serial. */
  serials: Map<number, Stream>
  pending: Map<number, PendingQuery[]>
  /** Plain-mode queries in arrival order, for `reply error is …`, which names no query. */
  recent: PendingQuery[]
}

/** The lines of one process (plain mode) or one query serial (extra mode). */
interface Stream {
  /** Extra mode: the serial's query. Plain mode: the query last named by a query/forwarded line. */
  query: PendingQuery | undefined
  /** The previous answer line of this stream, while answers follow each other (NO_KEY: none). */
  lastKey: number
  lastCname: boolean
  lastQuery: PendingQuery | undefined
  lastState: NameState | undefined
  line: number
}

export interface BuildOptions {
  /** Client IP → recorded name; when set, queries from other clients are ignored. */
  clients?: ReadonlyMap<string, string> | undefined
}

export class GraphBuilder {
  /** Observed names by key id. */
  readonly states: Array<NameState | undefined> = []
  /** The counts and first/last-seen times of every state. */
  readonly counters = new NameCounters()
  /** (key id, address id) of every address answer. */
  readonly v4 = new PairIndex()
  readonly v6 = new PairIndex()
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
  /** 1 for raw name ids already added to their state's `rawNames`. */
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

  constructor(options: BuildOptions = {}) {
    this.values = new InternedValues(options.clients)
  }

  /** Turns the ids in this builder's states back into strings. */
  get dictionary(): Dictionary {
    return this.values
  }

  /**
   * Take one dnsmasq message.
   *
   * @param pid The logging process.
   * @param serial The `log-queries=extra` serial, or -1.
   * @param time Seconds (shapes/timestamp.ts).
   * @param line 1-based line number in the source.
   * @param buffer The line's bytes, which `message` points into.
   */
  add(
    pid: number,
    serial: number,
    time: number,
    line: number,
    buffer: Uint8Array,
    message: Message,
  ): void {
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
      if (this.tail && message.kind === MESSAGE_QUERY) return
      stream = createStream(line)
      process.serials.set(serial, stream)
    }
    stream.line = line
    switch (message.kind) {
      case MESSAGE_QUERY:
        if (this.tail) this.handOver(stream, process, buffer, message)
        else this.addQuery(stream, process, serial, time, line, buffer, message)
        break
      case MESSAGE_ANSWER:
      case MESSAGE_LOCAL:
        this.addAnswer(stream, process, serial, time, line, buffer, message)
        return
      case MESSAGE_FORWARDED:
        // Only ends a run of answers: which query it forwards does not change the graph.
        break
      case MESSAGE_ERROR: {
        // `reply error is REFUSED` names no name. With a serial it is the serial's query;
        // without, the process's latest query still waiting for an answer.
        const query = serial >= 0 ? stream.query : latestUnanswered(process.recent)
        if (query?.state && !query.done) {
          this.record(query, query.state, OUTCOME_REFUSED)
          this.counters.seenAt(query.state.keyId, time)
        }
        break
      }
    }
    stream.lastKey = NO_KEY
  }

  /** Settle every pending query; call once after the last line. */
  finish(): void {
    for (const process of this.processes.values()) {
      for (const stream of process.serials.values()) if (stream.query) this.settle(stream.query)
      for (const list of process.pending.values()) for (const query of list) this.settle(query)
    }
    this.processes.clear()
    this.lastPid = -1
    this.lastProcess = undefined
  }

  /** Observed names with their keys, sorted by key. */
  observed(): Array<[string, NameState]> {
    const result: Array<[string, NameState]> = []
    for (const state of this.states) if (state) result.push([this.values.key(state.keyId), state])
    return result.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }

  private addQuery(
    stream: Stream,
    process: ProcessState,
    serial: number,
    time: number,
    line: number,
    buffer: Uint8Array,
    message: Message,
  ): void {
    const rawId = this.values.rawName(buffer, message.nameStart, message.nameEnd)
    const keyId = this.values.rawKey(rawId)
    const typeId = this.values.typeOf(buffer, message.typeStart, message.typeEnd)
    const label = this.values.clientLabel(buffer, message.clientStart, message.clientEnd)
    let state: NameState | undefined
    let slot = -1
    if (label >= 0 && keyId !== NO_KEY) {
      state = this.stateOf(rawId, keyId, line)
      slot = this.counters.slot(keyId, typeId)
      this.counters.countQuery(slot)
      // Most names are asked by one client over and over: skip the set when it is the last one.
      if (this.counters.takeClient(keyId, label)) state.clients.add(label)
      this.counters.seenAt(keyId, time)
      this.queries++
    }
    const query: PendingQuery = {
      keyId,
      typeId,
      state,
      slot,
      answered: false,
      done: false,
      line,
      recordedMask: 0,
      recordedOther: undefined,
    }
    if (serial >= 0) {
      if (stream.query) this.settle(stream.query)
    } else {
      const list = process.pending.get(keyId)
      if (list) {
        // A repeated question replaces the earlier one of the same type.
        let kept = 0
        for (const earlier of list) {
          if (earlier.typeId === typeId) this.settle(earlier)
          if (!earlier.done) list[kept++] = earlier
        }
        list.length = kept
        list.push(query)
      } else {
        process.pending.set(keyId, [query])
      }
      process.recent.push(query)
    }
    stream.query = query
  }

  private addAnswer(
    stream: Stream,
    process: ProcessState,
    serial: number,
    time: number,
    line: number,
    buffer: Uint8Array,
    message: Message,
  ): void {
    const rawId = this.values.rawName(buffer, message.nameStart, message.nameEnd)
    let keyId = this.values.rawKey(rawId)
    let spelling = rawId
    if (message.answer === ANSWER_OTHER) {
      const reversed = this.values.reversedKey(rawId)
      if (reversed !== NO_KEY) {
        keyId = reversed
        spelling = -1
      }
    }
    const chained = stream.lastKey !== NO_KEY && stream.lastCname
    let query: PendingQuery | undefined
    if (chained || (stream.lastKey === keyId && keyId !== NO_KEY)) query = stream.lastQuery
    else if (serial >= 0) query = stream.query
    else query = this.findPending(process, keyId, message.impliedType)

    if (this.tail && (query === undefined || query.done)) return
    let state: NameState | undefined
    if (!query) this.orphanAnswers++
    else if (query.state && keyId !== NO_KEY) {
      state = this.stateOf(spelling, keyId, line)
      if (chained && stream.lastState) {
        stream.lastState.cnameTo.add(keyId)
        state.cnameFrom.add(stream.lastState.keyId)
      }
      this.record(query, state, outcomeOf(message))
      if (message.answer === ANSWER_ADDRESS_V4) {
        this.v4.add(keyId, this.values.addressOf(buffer, message.addressStart, message.addressEnd))
      } else if (message.answer === ANSWER_ADDRESS_V6) {
        this.v6.add(keyId, this.values.addressOf(buffer, message.addressStart, message.addressEnd))
      }
      this.counters.seenAt(keyId, time)
    }
    stream.lastKey = keyId === NO_KEY ? -2 : keyId
    stream.lastCname = message.answer === ANSWER_CNAME
    stream.lastQuery = query
    stream.lastState = state
  }

  /**
   * In the tail, a new query belongs to the next slice: answers for its name from here on are
   * not this slice's, even those that would extend an earlier, answered query.
   */
  private handOver(
    stream: Stream,
    process: ProcessState,
    buffer: Uint8Array,
    message: Message,
  ): void {
    stream.query = undefined
    const keyId = this.values.keyOf(buffer, message.nameStart, message.nameEnd)
    // A placeholder, so that a `reply error` for the handed-over query is not taken as ours.
    process.recent.push({
      keyId,
      typeId: -1,
      state: undefined,
      slot: -1,
      answered: false,
      done: false,
      line: -1,
      recordedMask: 0,
      recordedOther: undefined,
    })
    const list = process.pending.get(keyId)
    if (!list) return
    for (const query of list) this.settle(query)
    process.pending.delete(keyId)
  }

  /** Count `outcome` for `state` under the query's type, once per query. */
  private record(query: PendingQuery, state: NameState, outcome: number): void {
    query.answered = true
    if (state.keyId === query.keyId) {
      const bit = 1 << outcome
      if ((query.recordedMask & bit) !== 0) return
      query.recordedMask |= bit
    } else {
      const token = state.keyId * 16 + outcome
      query.recordedOther ??= []
      if (query.recordedOther.includes(token)) return
      query.recordedOther.push(token)
    }
    const slot =
      state.keyId === query.keyId ? query.slot : this.counters.slot(state.keyId, query.typeId)
    this.counters.countOutcome(slot, outcome)
  }

  /**
   * The pending query an answer for `keyId` belongs to: the oldest unanswered one (of the
   * implied type when there is one), else the newest answered one (more addresses for it).
   */
  private findPending(
    process: ProcessState,
    keyId: number,
    implied: number,
  ): PendingQuery | undefined {
    const list = process.pending.get(keyId)
    if (!list) return undefined
    const impliedType =
      implied === IMPLIED_NONE
        ? -1
        : implied === IMPLIED_A
          ? this.values.typeA
          : this.values.typeAaaa
    let fallback: PendingQuery | undefined
    for (const query of list) {
      if (query.done || query.answered) continue
      if (impliedType < 0 || query.typeId === impliedType) return query
      fallback ??= query
    }
    if (fallback) return fallback
    for (let index = list.length - 1; index >= 0; index--) {
      const query = list[index] as PendingQuery
      if (!query.done) return query
    }
    return undefined
  }

  /** Close a query: one that never got an answer counts as `unanswered`. */
  private settle(query: PendingQuery): void {
    if (query.done) return
    query.done = true
    if (!query.answered && query.state) {
      this.counters.countOutcome(query.slot, OUTCOME_UNANSWERED)
    }
  }

  /** Settle and forget queries and streams older than the window. */
  private sweep(line: number): void {
    this.nextSweep = line + SWEEP_INTERVAL
    const oldest = line - PENDING_WINDOW
    for (const [pid, process] of this.processes) {
      for (const [key, stream] of process.serials) {
        if (stream.line >= oldest) continue
        if (stream.query && stream.query.line < oldest) this.settle(stream.query)
        process.serials.delete(key)
      }
      // forEach, not for…of: destructured entries would allocate an array per pending name.
      process.pending.forEach((list, key) => {
        let kept = 0
        for (const query of list) {
          if (query.line < oldest) this.settle(query)
          if (!query.done) list[kept++] = query
        }
        if (kept === 0) process.pending.delete(key)
        else if (kept < list.length) list.length = kept
      })
      let kept = 0
      for (const query of process.recent) if (!query.done) process.recent[kept++] = query
      process.recent.length = kept
      if (process.plain.line < oldest && process.serials.size === 0 && process.pending.size === 0) {
        this.processes.delete(pid)
      }
    }
    this.lastPid = -1
    this.lastProcess = undefined
  }

  /**
   * The state of a key, created on first use.
   *
   * @param rawId The spelling to record, or -1 to record none.
   */
  private stateOf(rawId: number, keyId: number, line: number): NameState {
    // Filled up to the key so the array stays packed (reading a hole is several times slower).
    while (this.states.length <= keyId) this.states.push(undefined)
    let state = this.states[keyId] as NameState | undefined
    if (!state) {
      this.counters.reserveKey(keyId)
      state = createNameState(keyId, line)
      this.states[keyId] = state
    }
    if (rawId >= 0) {
      while (this.recordedSpelling.length <= rawId) this.recordedSpelling.push(0)
      if (this.recordedSpelling[rawId] !== 1) {
        this.recordedSpelling[rawId] = 1
        addRawName(state, this.values.rawText(rawId))
      }
    }
    return state
  }
}

function createStream(line: number): Stream {
  return {
    query: undefined,
    lastKey: NO_KEY,
    lastCname: false,
    lastQuery: undefined,
    lastState: undefined,
    line,
  }
}

function latestUnanswered(queries: PendingQuery[]): PendingQuery | undefined {
  for (let index = queries.length - 1; index >= 0; index--) {
    const query = queries[index] as PendingQuery
    if (!query.answered && !query.done) return query
  }
  return undefined
}

function outcomeOf(message: Message): number {
  if (message.kind === MESSAGE_LOCAL) {
    return message.local === 'config'
      ? OUTCOME_CONFIG
      : message.local === 'hosts'
        ? OUTCOME_HOSTS
        : OUTCOME_DHCP
  }
  switch (message.answer) {
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
