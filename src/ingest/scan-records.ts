/**
 * What the compiled scanner (assembly/scanner.ts) reports per line: fixed-size records of
 * 32-bit integers, and the codes in them. These mirror the constants of the same names in
 * assembly/; test/ingest/scanner-module.test.ts checks each against the module's exports.
 */

export const RECORD_CAPACITY = 8192
export const RECORD_FIELDS = 16

/** A DNS message for the builder. */
export const RECORD_MESSAGE = 0
/** A dnsmasq line whose message the scanner did not recognise; FIELD_NAME: where it starts. */
export const RECORD_UNKNOWN = 1
/** A line of no known shape. */
export const RECORD_UNPARSED = 2

/** 1-based line number in the source. */
export const FIELD_LINE = 1
/** The line's bytes: offsets in the scanner's memory, without newline or carriage return. */
export const FIELD_START = 2
export const FIELD_END = 3
/** MESSAGE_* */
export const FIELD_KIND = 4
/** Seconds since 1 January 00:00:00 of the log's (unknown) year (see format-time.ts). */
export const FIELD_TIME = 5
/** The logging process: TCP queries come from forked children with their own PID. */
export const FIELD_PID = 6
/** The `log-queries=extra` serial, or -1. */
export const FIELD_SERIAL = 7
/** SHAPE_* */
export const FIELD_SHAPE = 8
/** Raw name id (VALUE_NAME), or -1 for messages without a name the builder needs. */
export const FIELD_NAME = 9
/** Query type id (VALUE_TYPE), for MESSAGE_QUERY. */
export const FIELD_TYPE = 10
/** Client address id (VALUE_CLIENT), for MESSAGE_QUERY. */
export const FIELD_CLIENT = 11
/** ANSWER_*, for MESSAGE_ANSWER and MESSAGE_LOCAL. */
export const FIELD_ANSWER = 12
/** Address id (VALUE_ADDRESS) for ANSWER_ADDRESS_V4/V6, else -1. */
export const FIELD_ADDRESS = 13
/** LOCAL_*, for MESSAGE_LOCAL: who answered. */
export const FIELD_LOCAL = 14
/** IMPLIED_*: the query type an answer implies (A for IPv4 and NODATA-IPv4 …). */
export const FIELD_IMPLIED = 15

/** The kinds of values the scanner interns, each numbered from 0 in order of appearance. */
export const VALUE_NAME = 0
export const VALUE_TYPE = 1
export const VALUE_CLIENT = 2
export const VALUE_ADDRESS = 3

/** The ids of query types A and AAAA, interned first. */
export const TYPE_A = 0
export const TYPE_AAAA = 1

/** `query[TYPE] NAME from CLIENT` */
export const MESSAGE_QUERY = 1
/** `forwarded NAME to SERVER` */
export const MESSAGE_FORWARDED = 2
/** `reply|cached|cached-stale NAME is ANSWER` */
export const MESSAGE_ANSWER = 3
/** `config|DHCP|/path/to/hosts NAME is ANSWER`: answered by dnsmasq itself. */
export const MESSAGE_LOCAL = 4
/** `reply error is REFUSED` (or another rcode): the upstream failed the pending query. */
export const MESSAGE_ERROR = 5

export const ANSWER_ADDRESS_V4 = 0
export const ANSWER_ADDRESS_V6 = 1
export const ANSWER_CNAME = 2
export const ANSWER_NXDOMAIN = 3
export const ANSWER_NODATA = 4
/** A positive answer without an address: `<MX>`, `<SRV>`, a PTR target name … */
export const ANSWER_OTHER = 5

export const LOCAL_CONFIG = 0
export const LOCAL_HOSTS = 1
export const LOCAL_DHCP = 2

export const IMPLIED_NONE = 0
export const IMPLIED_A = 1
export const IMPLIED_AAAA = 2

export const SHAPE_PLAIN = 0
export const SHAPE_SYSLOG = 1
export const SHAPE_JOURNALD = 2
