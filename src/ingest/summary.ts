/**
 * The shapes `ingest()` reports besides the graph: counts for `--json` and the human summary,
 * and the first few lines nothing understood, with file and line.
 */
import type {SourceSummary} from '../graph/types.js'

export interface UnparsedLine {
  file: string
  line: number
  text: string
}

export interface IngestSummary {
  /** Lines read, over all log inputs. */
  lines: number
  /** Query lines that counted (after the client filter). */
  queries: number
  /** Distinct names (graph keys) asked for in query lines, over the merged graph. */
  names: number
  /** Lines no parser understood. */
  unparsed: number
  /** The first few of them, in input order. */
  unparsedSamples: UnparsedLine[]
  /** Lines written by programs other than dnsmasq (syslog and journald inputs). */
  foreign: number
  /** One per input, as recorded in the graph's `sources`. */
  sources: SourceSummary[]
}
