/**
 * Outcome codes as ingest counts them: indexes into the graph's `OUTCOMES`, so that a count
 * array per (name, type) slot turns into the graph's outcome record by position.
 */
import {OUTCOMES} from '../graph/types.js'

export const OUTCOME_COUNT = OUTCOMES.length
export const OUTCOME_ADDRESS = 0
export const OUTCOME_CNAME = 1
export const OUTCOME_NXDOMAIN = 2
export const OUTCOME_NODATA = 3
export const OUTCOME_REFUSED = 4
export const OUTCOME_UNANSWERED = 5
export const OUTCOME_CONFIG = 6
export const OUTCOME_HOSTS = 7
export const OUTCOME_DHCP = 8
