/**
 * Pairs queries with their answers and accumulates what each name did, for one source.
 *
 * In `log-queries=extra` mode every line carries the query's serial, so an answer belongs to
 * the query with the same process and serial. Otherwise an answer belongs to the oldest
 * pending query of the same process for the same name (an IPv4 answer preferring an `A`
 * query, and so on). Answer lines that directly follow a `<CNAME>` answer in the same stream
 * are the next link of the chain: they get the asking query's type and a CNAME edge.
 * Pending queries are forgotten after a window of lines, so memory follows the number of
 * names, not the length of the log.
 */
import type {Outcome} from '../graph/types.js'
import {
  ANSWER_ADDRESS_V4,
  ANSWER_ADDRESS_V6,
  ANSWER_CNAME,
  ANSWER_NODATA,
  ANSWER_NXDOMAIN,
  ANSWER_OTHER,
  MESSAGE_ANSWER,
  MESSAGE_ERROR,
  MESSAGE_FORWARDED,
  MESSAGE_LOCAL,
  MESSAGE_QUERY,
  type Message,
} from './message.js'
import {addRawName, countOutcome, createNameState, seenAt, type NameState} from './name-state.js'
import {normalizeName, reverseName} from './normalize-name.js'

/** Lines after which an unanswered query counts as `unanswered` and its state is dropped. */
export const PENDING_WINDOW = 5000
const SWEEP_INTERVAL = 4096

interface PendingQuery {
  /** `undefined` when the query is ignored (client filter, root name): its answers are too. */
  state: NameState | undefined
  key: string
  type: string
  answered: boolean
  done: boolean
  line: number
  /** `key\noutcome` pairs already counted, so several address lines count once. */
  recorded: string[]
}

/** The lines of one process (plain mode) or one query serial (extra mode). */
interface Stream {
  /** Extra mode: the serial's query. Plain mode: the query last named by a query/forwarded line. */
  query: PendingQuery | undefined
  /** The previous answer line of this stream, while answers follow each other. */
  lastKey: string
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
  /** Names with an observation, by key. */
  readonly names = new Map<string, NameState>()
  /** Queries that counted. */
  queries = 0
  /** Answer lines that matched no pending query (the log started mid-query, or lost lines). */
  orphanAnswers = 0

  private readonly clients: ReadonlyMap<string, string> | undefined
  private readonly keys = new Map<string, string>()
  private readonly spellings = new Map<string, NameState>()
  private readonly streams = new Map<string | number, Stream>()
  private readonly pendingByName = new Map<string, PendingQuery[]>()
  private nextSweep = SWEEP_INTERVAL

  constructor(options: BuildOptions = {}) {
    this.clients = options.clients
  }

  /**
   * Take one dnsmasq message.
   *
   * @param pid The logging process.
   * @param serial The `log-queries=extra` serial, or -1.
   * @param time Seconds (shapes/timestamp.ts).
   * @param line 1-based line number in the source.
   */
  add(pid: number, serial: number, time: number, line: number, message: Message): void {
    if (line >= this.nextSweep) this.sweep(line)
    const streamKey = serial >= 0 ? `${pid}/${serial}` : pid
    let stream = this.streams.get(streamKey)
    if (!stream) {
      stream = {
        query: undefined,
        lastKey: '',
        lastCname: false,
        lastQuery: undefined,
        lastState: undefined,
        line,
      }
      this.streams.set(streamKey, stream)
    }
    stream.line = line
    switch (message.kind) {
      case MESSAGE_QUERY:
        this.addQuery(stream, pid, serial, time, line, message)
        break
      case MESSAGE_ANSWER:
      case MESSAGE_LOCAL:
        this.addAnswer(stream, pid, serial, time, line, message)
        return
      case MESSAGE_FORWARDED:
        if (serial < 0) {
          stream.query = this.findPending(pid, this.keyOf(message.name), '') ?? stream.query
        }
        break
      case MESSAGE_ERROR: {
        // `reply error is REFUSED` names no name: it settles the stream's current query.
        const query = stream.query
        if (query?.state && !query.done) {
          this.record(query, query.state, 'refused')
          seenAt(query.state, time)
        }
        break
      }
    }
    stream.lastKey = ''
  }

  /** Settle every pending query; call once after the last line. */
  finish(): void {
    for (const stream of this.streams.values()) if (stream.query) this.settle(stream.query)
    for (const list of this.pendingByName.values()) for (const query of list) this.settle(query)
    this.streams.clear()
    this.pendingByName.clear()
  }

  private addQuery(
    stream: Stream,
    pid: number,
    serial: number,
    time: number,
    line: number,
    message: Message,
  ): void {
    const key = this.keyOf(message.name)
    const client = this.clients ? this.clients.get(message.client) : message.client
    let state: NameState | undefined
    if (client !== undefined && key !== '') {
      state = this.stateOf(message.name, key, line)
      state.queries.set(message.type, (state.queries.get(message.type) ?? 0) + 1)
      state.clients.add(client)
      seenAt(state, time)
      this.queries++
    }
    const query: PendingQuery = {
      state,
      key,
      type: message.type,
      answered: false,
      done: false,
      line,
      recorded: [],
    }
    if (serial >= 0) {
      if (stream.query) this.settle(stream.query)
    } else {
      const nameKey = `${pid} ${key}`
      const list = this.pendingByName.get(nameKey)
      if (list) {
        // A repeated question replaces the earlier one of the same type.
        for (const earlier of list) if (earlier.type === query.type) this.settle(earlier)
        const open = list.filter((earlier) => !earlier.done)
        open.push(query)
        this.pendingByName.set(nameKey, open)
      } else {
        this.pendingByName.set(nameKey, [query])
      }
    }
    stream.query = query
  }

  private addAnswer(
    stream: Stream,
    pid: number,
    serial: number,
    time: number,
    line: number,
    message: Message,
  ): void {
    let raw = message.name
    if (message.answer === ANSWER_OTHER) raw = reverseName(raw) ?? raw
    const key = this.keyOf(raw)
    const chained = stream.lastKey !== '' && stream.lastCname
    let query: PendingQuery | undefined
    if (chained || stream.lastKey === key) query = stream.lastQuery
    else if (serial >= 0) query = stream.query
    else query = this.findPending(pid, key, message.impliedType)

    let state: NameState | undefined
    if (!query) this.orphanAnswers++
    else if (query.state && key !== '') {
      state = this.stateOf(raw, key, line)
      if (chained && stream.lastState) {
        stream.lastState.cnameTo.add(key)
        state.cnameFrom.add(stream.lastState.key)
      }
      this.record(query, state, message.kind === MESSAGE_LOCAL ? message.local : outcomeOf(message))
      if (message.answer === ANSWER_ADDRESS_V4) state.v4.add(message.address)
      else if (message.answer === ANSWER_ADDRESS_V6) state.v6.add(message.address)
      seenAt(state, time)
    }
    stream.lastKey = key === '' ? '.' : key
    stream.lastCname = message.answer === ANSWER_CNAME
    stream.lastQuery = query
    stream.lastState = state
  }

  /** Count `outcome` for `state` under the query's type, once per query. */
  private record(query: PendingQuery, state: NameState, outcome: Outcome): void {
    query.answered = true
    const token = `${state.key}\n${outcome}`
    if (query.recorded.includes(token)) return
    query.recorded.push(token)
    countOutcome(state, query.type, outcome)
  }

  /**
   * The pending query an answer for `key` belongs to: the oldest unanswered one (of
   * `impliedType` when given), else the newest answered one (more addresses for it).
   */
  private findPending(pid: number, key: string, impliedType: string): PendingQuery | undefined {
    const list = this.pendingByName.get(`${pid} ${key}`)
    if (!list) return undefined
    let fallback: PendingQuery | undefined
    for (const query of list) {
      if (query.done || query.answered) continue
      if (impliedType === '' || query.type === impliedType) return query
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
    if (!query.answered && query.state) countOutcome(query.state, query.type, 'unanswered')
  }

  /** Settle and forget queries and streams older than the window. */
  private sweep(line: number): void {
    this.nextSweep = line + SWEEP_INTERVAL
    const oldest = line - PENDING_WINDOW
    for (const [key, stream] of this.streams) {
      if (stream.line >= oldest) continue
      if (stream.query && stream.query.line < oldest) this.settle(stream.query)
      this.streams.delete(key)
    }
    for (const [key, list] of this.pendingByName) {
      for (const query of list) if (query.line < oldest) this.settle(query)
      const open = list.filter((query) => !query.done)
      if (open.length === 0) this.pendingByName.delete(key)
      else this.pendingByName.set(key, open)
    }
  }

  private keyOf(raw: string): string {
    let key = this.keys.get(raw)
    if (key === undefined) {
      key = normalizeName(raw)
      this.keys.set(raw, key)
    }
    return key
  }

  private stateOf(raw: string, key: string, line: number): NameState {
    let state = this.spellings.get(raw)
    if (state) return state
    state = this.names.get(key)
    if (!state) {
      state = createNameState(key, line)
      this.names.set(key, state)
    }
    addRawName(state, raw)
    this.spellings.set(raw, state)
    return state
  }
}

function outcomeOf(message: Message): Outcome {
  switch (message.answer) {
    case ANSWER_CNAME:
      return 'cname'
    case ANSWER_NXDOMAIN:
      return 'nxdomain'
    case ANSWER_NODATA:
      return 'nodata'
    default:
      return 'address'
  }
}
