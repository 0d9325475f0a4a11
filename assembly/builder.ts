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
 *
 * A stream is the lines of one process (plain mode) or of one query serial (extra mode).
 * Processes, streams and pending chains live in record tables addressed by small integers;
 * the maps between them are pair indexes whose dropped entries are removed at each sweep.
 */
import {labelOf, reversedKeyOf, spelled} from './host'
import {
  ANSWER_ADDRESS_V4,
  ANSWER_ADDRESS_V6,
  ANSWER_CNAME,
  ANSWER_NODATA,
  ANSWER_NXDOMAIN,
  ANSWER_OTHER,
  IMPLIED_A,
  IMPLIED_NONE,
  LOCAL_CONFIG,
  LOCAL_HOSTS,
  MESSAGE_ANSWER,
  MESSAGE_ERROR,
  MESSAGE_LOCAL,
  MESSAGE_QUERY,
  TYPE_A,
  TYPE_AAAA,
} from './message'
import {Interner} from './interner'
import {AddressSets, CLIENT_LABEL_BITS, NameCounters} from './name-counters'
import {NO_QUERY, QueryTable} from './query-table'
import {IntArray, PairIndex, PairMap} from './tables'

/** Lines after which an unanswered query counts as `unanswered` and its state is dropped. */
export const PENDING_WINDOW: i32 = 5000
const SWEEP_INTERVAL: i32 = 4096

/** The graph key id of a name that has none (the root, `.`). */
const NO_KEY: i32 = -1
/** Not asked of the host yet. */
const UNKNOWN: i32 = -2
/** A map entry that was dropped; removed at the next sweep. */
const GONE: i32 = -1

// Outcomes, as indexes into the graph's OUTCOMES (src/graph/types.ts).
export const OUTCOME_ADDRESS: i32 = 0
export const OUTCOME_CNAME: i32 = 1
export const OUTCOME_NXDOMAIN: i32 = 2
export const OUTCOME_NODATA: i32 = 3
export const OUTCOME_REFUSED: i32 = 4
export const OUTCOME_UNANSWERED: i32 = 5
export const OUTCOME_CONFIG: i32 = 6
export const OUTCOME_HOSTS: i32 = 7
export const OUTCOME_DHCP: i32 = 8

// Stream records: the serial's query (extra mode), the previous answer line's key while
// answers follow each other (NO_KEY: none), whether it was a CNAME, its query, the key it
// was recorded for (NO_KEY: not recorded), the stream's last line.
const STREAM_STRIDE: i32 = 8
const STREAM_QUERY: i32 = 0
const STREAM_LAST_KEY: i32 = 1
const STREAM_LAST_CNAME: i32 = 2
const STREAM_LAST_QUERY: i32 = 3
const STREAM_LAST_RECORDED: i32 = 4
const STREAM_LINE: i32 = 5

// Process records: plain-mode stream, and a count used while sweeping.
const PROCESS_STRIDE: i32 = 2
const PROCESS_PLAIN: i32 = 0
const PROCESS_ENTRIES: i32 = 1

export class Builder {
  /** Queries that counted. */
  queries: i32 = 0
  /** Past the end of a worker's slice: only answers to queries already pending are taken. */
  tail: bool = false

  readonly counters: NameCounters
  readonly v4: AddressSets
  readonly v6: AddressSets
  /**
   * (alias key, target key) of every CNAME link; (key, client label) of counted queries, for
   * labels past the names' client bits.
   */
  readonly cnames: PairIndex = new PairIndex()
  readonly clients: PairIndex = new PairIndex()
  private readonly table: QueryTable = new QueryTable()

  private readonly reversedKeys: IntArray = new IntArray(1024, UNKNOWN)
  private readonly clientLabels: IntArray = new IntArray(64, UNKNOWN)

  private readonly streams: IntArray = new IntArray(64 * STREAM_STRIDE, 0)
  private streamCount: i32 = 0
  private readonly freeStreams: IntArray = new IntArray(64, 0)

  private readonly processes: IntArray = new IntArray(16 * PROCESS_STRIDE, 0)
  private processCount: i32 = 0
  private readonly freeProcesses: IntArray = new IntArray(16, 0)
  /** Plain-mode queries of each process in arrival order, for `reply error is …`. */
  private readonly recents: IntArray[] = []
  /** (pid, 0) → process; (process, serial) → stream; (process, key) → oldest pending query. */
  private readonly byPid: PairMap = new PairMap(GONE)
  private readonly bySerial: PairMap = new PairMap(GONE)
  private readonly pending: PairMap = new PairMap(NO_QUERY)

  private nextSweep: i32 = SWEEP_INTERVAL
  /** The process of the previous line: consecutive lines mostly come from the same one. */
  private lastPid: i32 = -1
  private lastProcess: i32 = -1

  /** @param names The raw names' interner (see NameCounters). */
  constructor(private readonly names: Interner) {
    const counters = new NameCounters(names)
    this.counters = counters
    this.v4 = new AddressSets(counters, 0)
    this.v6 = new AddressSets(counters, 1)
  }

  /**
   * Take one dnsmasq message.
   *
   * @param raw The raw name's arena offset (the names interner's `found`), or -1 for messages
   *   without a name.
   * @param key Its graph key id (-1 for the root or without a name).
   * @param record The key's counters record (-1 when `key` is).
   * @param type Query type id (queries).
   * @param client Client id (queries).
   * @param address Address handle (address answers; see scanner.ts's addressOf), else -1.
   */
  add(
    kind: i32,
    pid: i32,
    serial: i32,
    time: i32,
    line: i32,
    raw: i32,
    key: i32,
    record: i32,
    type: i32,
    client: i32,
    answer: i32,
    address: i32,
    local: i32,
    implied: i32,
  ): void {
    if (line >= this.nextSweep) this.sweep(line)
    let process = pid == this.lastPid ? this.lastProcess : this.byPid.get(pid, 0)
    if (process == GONE) process = this.addProcess(pid, line)
    this.lastPid = pid
    this.lastProcess = process
    let stream: i32
    if (serial < 0) stream = this.processField(process, PROCESS_PLAIN)
    else {
      stream = this.bySerial.get(process, serial)
      if (stream == GONE) {
        if (this.tail && kind == MESSAGE_QUERY) return
        stream = this.addStream(line)
        this.bySerial.set(process, serial, stream)
      }
    }
    this.setStreamField(stream, STREAM_LINE, line)
    if (kind == MESSAGE_QUERY) {
      if (this.tail) this.handOver(stream, process, key)
      else this.addQuery(stream, process, serial, time, line, raw, key, record, type, client)
    } else if (kind == MESSAGE_ANSWER || kind == MESSAGE_LOCAL) {
      this.addAnswer(
        stream,
        process,
        serial,
        time,
        line,
        raw,
        key,
        record,
        answer,
        address,
        implied,
        kind,
        local,
      )
      return
    } else if (kind == MESSAGE_ERROR) {
      // `reply error is REFUSED` names no name. With a serial it is the serial's query;
      // without, the process's latest query still waiting for an answer.
      const query =
        serial >= 0 ? this.streamField(stream, STREAM_QUERY) : this.latestWaiting(process)
      const table = this.table
      if (query != NO_QUERY && table.isCounted(query) && !table.isDone(query)) {
        const keyId = table.keyId(query)
        const record = this.counters.recordOf(keyId)
        this.record(query, keyId, record, OUTCOME_REFUSED)
        this.counters.seenAt(record, time)
      }
    }
    // Anything but an answer (a forward, say) ends a run of answers.
    this.setStreamField(stream, STREAM_LAST_KEY, NO_KEY)
  }

  /** Settle every pending query; call once after the last line. */
  finish(): void {
    for (let entry = 0; entry < this.bySerial.size; entry++) {
      const stream = this.bySerial.valueAt(entry)
      if (stream != GONE) this.settle(this.streamField(stream, STREAM_QUERY))
    }
    for (let entry = 0; entry < this.pending.size; entry++) {
      this.settleChain(this.pending.valueAt(entry))
    }
  }

  private addQuery(
    stream: i32,
    process: i32,
    serial: i32,
    time: i32,
    line: i32,
    raw: i32,
    keyId: i32,
    record: i32,
    typeId: i32,
    client: i32,
  ): void {
    const label = this.labelOf(client)
    const counted = label >= 0 && keyId != NO_KEY
    let slot = -1
    const counters = this.counters
    if (counted) {
      this.observe(raw, keyId, record, line)
      slot = counters.slot(record, keyId, typeId)
      counters.countQuery(slot)
      // A name is asked by the same few clients over and over: their labels are bits.
      if (label < CLIENT_LABEL_BITS) counters.addClient(record, label)
      else this.clients.indexOf(keyId, label)
      counters.seenAt(record, time)
      this.queries++
    }
    const query = this.table.create(keyId, typeId, counted, slot, line)
    if (serial >= 0) {
      this.settle(this.streamField(stream, STREAM_QUERY))
      this.setStreamField(stream, STREAM_QUERY, query)
    } else {
      // A repeated question replaces the earlier one of the same type.
      this.compactChain(this.pending.entry(process, keyId), typeId, -1, query)
      this.recents[process].push(query)
    }
  }

  private addAnswer(
    stream: i32,
    process: i32,
    serial: i32,
    time: i32,
    line: i32,
    raw: i32,
    key: i32,
    keyRecord: i32,
    answer: i32,
    address: i32,
    implied: i32,
    kind: i32,
    local: i32,
  ): void {
    let keyId = key
    let record = keyRecord
    let spelling = raw
    if (answer == ANSWER_OTHER) {
      const reversed = this.reversedKey(raw)
      if (reversed != NO_KEY) {
        keyId = reversed
        record = this.counters.recordOf(reversed)
        spelling = -1
      }
    }
    const lastKey = this.streamField(stream, STREAM_LAST_KEY)
    const chained = lastKey != NO_KEY && this.streamField(stream, STREAM_LAST_CNAME) != 0
    let query: i32
    if (chained || (lastKey == keyId && keyId != NO_KEY)) {
      query = this.streamField(stream, STREAM_LAST_QUERY)
    } else if (serial >= 0) query = this.streamField(stream, STREAM_QUERY)
    else query = this.findPending(process, keyId, implied)

    const table = this.table
    if (this.tail && (query == NO_QUERY || table.isDone(query))) return
    let recorded = NO_KEY
    // An answer that matches no query (the log started mid-query, or lost lines) is dropped.
    if (query != NO_QUERY && table.isCounted(query) && keyId != NO_KEY) {
      this.observe(spelling, keyId, record, line)
      recorded = keyId
      const lastRecorded = this.streamField(stream, STREAM_LAST_RECORDED)
      if (chained && lastRecorded != NO_KEY) this.cnames.indexOf(lastRecorded, keyId)
      this.record(query, keyId, record, outcomeOf(kind, answer, local))
      if (answer == ANSWER_ADDRESS_V4) this.v4.add(record, keyId, address)
      else if (answer == ANSWER_ADDRESS_V6) this.v6.add(record, keyId, address)
      this.counters.seenAt(record, time)
    }
    this.setStreamField(stream, STREAM_LAST_KEY, keyId == NO_KEY ? -2 : keyId)
    this.setStreamField(stream, STREAM_LAST_CNAME, answer == ANSWER_CNAME ? 1 : 0)
    this.setStreamField(stream, STREAM_LAST_QUERY, query)
    this.setStreamField(stream, STREAM_LAST_RECORDED, recorded)
  }

  /**
   * In the tail, a new query belongs to the next slice: answers for its name from here on are
   * not this slice's, even those that would extend an earlier, answered query.
   */
  private handOver(stream: i32, process: i32, keyId: i32): void {
    this.setStreamField(stream, STREAM_QUERY, NO_QUERY)
    // A placeholder, so that a `reply error` for the handed-over query is not taken as ours.
    this.recents[process].push(this.table.create(keyId, -1, false, -1, -1))
    this.settleChain(this.pending.get(process, keyId))
    this.pending.set(process, keyId, NO_QUERY)
  }

  /** Count `outcome` for `keyId` (its counters `record`) under the query's type, once per query. */
  private record(query: i32, keyId: i32, record: i32, outcome: i32): void {
    const table = this.table
    table.markAnswered(query)
    if (!table.recordOnce(query, keyId, outcome)) return
    const slot =
      keyId == table.keyId(query)
        ? table.slot(query)
        : this.counters.slot(record, keyId, table.typeId(query))
    this.counters.countOutcome(slot, outcome)
  }

  /**
   * The pending query an answer for `keyId` belongs to: the oldest unanswered one (of the
   * implied type when there is one), else the newest answered one (more addresses for it).
   */
  private findPending(process: i32, keyId: i32, implied: i32): i32 {
    const impliedType = implied == IMPLIED_NONE ? -1 : implied == IMPLIED_A ? TYPE_A : TYPE_AAAA
    const table = this.table
    let fallback = NO_QUERY
    let newest = NO_QUERY
    for (
      let query = this.pending.get(process, keyId);
      query != NO_QUERY;
      query = table.next(query)
    ) {
      if (table.isDone(query)) continue
      newest = query
      if (table.isAnswered(query)) continue
      if (impliedType < 0 || table.typeId(query) == impliedType) return query
      if (fallback == NO_QUERY) fallback = query
    }
    return fallback == NO_QUERY ? newest : fallback
  }

  /** The process's latest plain-mode query still waiting for an answer, or NO_QUERY. */
  private latestWaiting(process: i32): i32 {
    const recent = this.recents[process]
    for (let index = recent.length - 1; index >= 0; index--) {
      const query = recent.get(index)
      if (this.table.isWaiting(query)) return query
    }
    return NO_QUERY
  }

  /** Close a query: one that never got an answer counts as `unanswered`. */
  private settle(query: i32): void {
    const table = this.table
    if (query == NO_QUERY || table.isDone(query)) return
    table.markDone(query)
    if (!table.isAnswered(query) && table.isCounted(query)) {
      this.counters.countOutcome(table.slot(query), OUTCOME_UNANSWERED)
    }
  }

  /**
   * Settle the queries of a name's pending chain (its `pending` entry) of `typeId` or from
   * before line `before`, drop the settled ones, and append `query` (NO_QUERY: none); a chain
   * left empty is dropped at the next sweep.
   */
  private compactChain(entry: i32, typeId: i32, before: i32, query: i32): void {
    const table = this.table
    const head = this.pending.valueAt(entry)
    let first = NO_QUERY
    let last = NO_QUERY
    for (let earlier = head; earlier != NO_QUERY; earlier = table.next(earlier)) {
      if (table.typeId(earlier) == typeId || table.line(earlier) < before) this.settle(earlier)
      if (table.isDone(earlier)) continue
      if (last == NO_QUERY) first = earlier
      else table.setNext(last, earlier)
      last = earlier
    }
    if (query != NO_QUERY) {
      if (last == NO_QUERY) first = query
      else table.setNext(last, query)
      last = query
    }
    if (last == NO_QUERY) {
      this.pending.setValueAt(entry, NO_QUERY)
      return
    }
    table.setNext(last, NO_QUERY)
    this.pending.setValueAt(entry, first)
  }

  /** Settle a pending chain from its oldest query on. */
  private settleChain(oldest: i32): void {
    const table = this.table
    for (let query = oldest; query != NO_QUERY; query = table.next(query)) this.settle(query)
  }

  /** Settle and forget queries and streams older than the window. */
  private sweep(line: i32): void {
    this.nextSweep = line + SWEEP_INTERVAL
    const oldest = line - PENDING_WINDOW
    const table = this.table
    for (let process = 0; process < this.processCount; process++) {
      this.setProcessField(process, PROCESS_ENTRIES, 0)
    }
    const bySerial = this.bySerial
    for (let entry = 0; entry < bySerial.size; entry++) {
      const stream = bySerial.valueAt(entry)
      if (stream == GONE) continue
      if (this.streamField(stream, STREAM_LINE) >= oldest) {
        this.countEntry(bySerial.pairs.firsts.get(entry))
        continue
      }
      const query = this.streamField(stream, STREAM_QUERY)
      if (query != NO_QUERY && table.line(query) < oldest) this.settle(query)
      this.freeStreams.push(stream)
      bySerial.setValueAt(entry, GONE)
    }
    const pending = this.pending
    for (let entry = 0; entry < pending.size; entry++) {
      if (pending.valueAt(entry) == NO_QUERY) continue
      this.compactChain(entry, -1, oldest, NO_QUERY)
      if (pending.valueAt(entry) != NO_QUERY) this.countEntry(pending.pairs.firsts.get(entry))
    }
    const byPid = this.byPid
    for (let entry = 0; entry < byPid.size; entry++) {
      const process = byPid.valueAt(entry)
      if (process == GONE) continue
      const recent = this.recents[process]
      let kept = 0
      for (let at = 0; at < recent.length; at++) {
        const query = recent.get(at)
        if (!table.isDone(query)) recent.set(kept++, query)
      }
      recent.length = kept
      const plain = this.processField(process, PROCESS_PLAIN)
      if (
        this.streamField(plain, STREAM_LINE) < oldest &&
        this.processField(process, PROCESS_ENTRIES) == 0
      ) {
        this.freeStreams.push(plain)
        this.freeProcesses.push(process)
        byPid.setValueAt(entry, GONE)
      }
    }
    bySerial.compact()
    pending.compact()
    byPid.compact()

    table.startMarking()
    for (let entry = 0; entry < pending.size; entry++) {
      const head = pending.valueAt(entry)
      for (let query = head; query != NO_QUERY; query = table.next(query)) table.mark(query)
    }
    for (let entry = 0; entry < byPid.size; entry++) {
      const process = byPid.valueAt(entry)
      const recent = this.recents[process]
      for (let at = 0; at < recent.length; at++) table.mark(recent.get(at))
      this.markStream(this.processField(process, PROCESS_PLAIN))
    }
    for (let entry = 0; entry < bySerial.size; entry++) this.markStream(bySerial.valueAt(entry))
    table.sweepUnmarked()
    this.lastPid = -1
    this.lastProcess = -1
  }

  private markStream(stream: i32): void {
    this.table.mark(this.streamField(stream, STREAM_QUERY))
    this.table.mark(this.streamField(stream, STREAM_LAST_QUERY))
  }

  private countEntry(process: i32): void {
    this.setProcessField(process, PROCESS_ENTRIES, this.processField(process, PROCESS_ENTRIES) + 1)
  }

  /** Mark a name observed and report a spelling not reported before (raw -1: none). */
  private observe(raw: i32, keyId: i32, record: i32, line: i32): void {
    this.counters.observe(record, line)
    if (raw >= 0 && this.counters.isNewSpelling(raw)) spelled(this.names.idAt(raw), keyId)
  }

  private reversedKey(raw: i32): i32 {
    return askOnce(this.reversedKeys, this.names.idAt(raw), reversedKeyOf)
  }

  private labelOf(clientId: i32): i32 {
    return askOnce(this.clientLabels, clientId, labelOf)
  }

  private addProcess(pid: i32, line: i32): i32 {
    let process: i32
    if (this.freeProcesses.length > 0) process = this.freeProcesses.pop()
    else {
      process = this.processCount++
      this.processes.reserve(process * PROCESS_STRIDE + PROCESS_STRIDE - 1)
      this.recents.push(new IntArray(64, 0))
    }
    this.recents[process].length = 0
    this.setProcessField(process, PROCESS_PLAIN, this.addStream(line))
    this.byPid.set(pid, 0, process)
    return process
  }

  private addStream(line: i32): i32 {
    let stream: i32
    if (this.freeStreams.length > 0) stream = this.freeStreams.pop()
    else {
      stream = this.streamCount++
      this.streams.reserve(stream * STREAM_STRIDE + STREAM_STRIDE - 1)
    }
    this.setStreamField(stream, STREAM_QUERY, NO_QUERY)
    this.setStreamField(stream, STREAM_LAST_KEY, NO_KEY)
    this.setStreamField(stream, STREAM_LAST_CNAME, 0)
    this.setStreamField(stream, STREAM_LAST_QUERY, NO_QUERY)
    this.setStreamField(stream, STREAM_LAST_RECORDED, NO_KEY)
    this.setStreamField(stream, STREAM_LINE, line)
    return stream
  }

  @inline private streamField(stream: i32, field: i32): i32 {
    return this.streams.get(stream * STREAM_STRIDE + field)
  }

  @inline private setStreamField(stream: i32, field: i32, value: i32): void {
    this.streams.set(stream * STREAM_STRIDE + field, value)
  }

  @inline private processField(process: i32, field: i32): i32 {
    return this.processes.get(process * PROCESS_STRIDE + field)
  }

  @inline private setProcessField(process: i32, field: i32, value: i32): void {
    this.processes.set(process * PROCESS_STRIDE + field, value)
  }
}

/** What `ask` answers for `id`, asked only the first time and kept in `known`. */
function askOnce(known: IntArray, id: i32, ask: (id: i32) => i32): i32 {
  known.reserve(id)
  let value = known.get(id)
  if (value == UNKNOWN) {
    value = ask(id)
    known.set(id, value)
  }
  return value
}

function outcomeOf(kind: i32, answer: i32, local: i32): i32 {
  if (kind == MESSAGE_LOCAL) {
    return local == LOCAL_CONFIG
      ? OUTCOME_CONFIG
      : local == LOCAL_HOSTS
        ? OUTCOME_HOSTS
        : OUTCOME_DHCP
  }
  if (answer == ANSWER_CNAME) return OUTCOME_CNAME
  if (answer == ANSWER_NXDOMAIN) return OUTCOME_NXDOMAIN
  if (answer == ANSWER_NODATA) return OUTCOME_NODATA
  return OUTCOME_ADDRESS
}
