/**
 * One colour per name status, shared by the DOT and Mermaid graphs so both read the same way
 * as the HTML report (whose stylesheet uses the same values).
 */
import type {NameStatus} from './model.js'

export const STATUS_COLOURS: Readonly<Record<NameStatus, string>> = {
  kept: '#1a7f37',
  dropped: '#cf222e',
  undecided: '#6e7781',
}
