/**
 * The numbers shared with the compiled scanner (assembly/): the records it reports lines in,
 * the kinds of values it interns, and the layout of what it found. They mirror the constants
 * of the same names there; test/ingest/scanner-module.test.ts checks each against the
 * module's exports.
 */
import {OUTCOMES} from '../graph/types.js'

/** Lines after which an unanswered query counts as `unanswered` and its state is dropped. */
export const PENDING_WINDOW = 5000

export const RECORD_CAPACITY = 8192
export const RECORD_FIELDS = 8
/** A dnsmasq line whose message the scanner did not recognise. */
export const RECORD_UNKNOWN = 1
/** A line of no known shape. */
export const RECORD_UNPARSED = 2

/** 1-based line number in the source. */
export const FIELD_LINE = 1
/** The line's bytes: offsets in the scanner's memory, without newline or carriage return. */
export const FIELD_START = 2
export const FIELD_END = 3
/** RECORD_UNKNOWN: the line's SHAPE_*, extra-fields serial (-1: none) and message offset. */
export const FIELD_SHAPE = 4
export const FIELD_SERIAL = 5
export const FIELD_MESSAGE = 6

/** The kinds of values the scanner interns, each numbered from 0 in order of appearance. */
export const VALUE_NAME = 0
export const VALUE_TYPE = 1
export const VALUE_CLIENT = 2
export const VALUE_ADDRESS = 3
export const VALUE_KEY = 4

export const SHAPE_PLAIN = 0
export const SHAPE_SYSLOG = 1
export const SHAPE_JOURNALD = 2

/**
 * Per observed name in a scan state: key id, first line, first seen, last seen, and a bit per
 * client label below CLIENT_LABEL_BITS that asked for it (other labels come as pairs).
 */
export const NAME_RECORD = 5
export const CLIENT_LABEL_BITS = 32

/** Per (name, type) slot: key, type, query count, then one count per outcome in OUTCOMES order. */
export const SLOT_STRIDE = 3 + OUTCOMES.length
