/**
 * The human summary of an ingest run, a few lines for stderr.
 */
import type {IngestSummary} from './summary.js'

/**
 * @param summary What `ingest()` returned.
 * @returns Lines without a final newline.
 */
export function formatIngestSummary(summary: IngestSummary): string {
  const lines = [
    `${count(summary.lines)} lines, ${count(summary.queries)} queries, ${count(summary.names)} names` +
      (summary.foreign > 0 ? `, ${count(summary.foreign)} lines of other programs skipped` : '') +
      `, ${count(summary.unparsed)} unparsed`,
  ]
  for (const sample of summary.unparsedSamples) {
    lines.push(
      `  ${sample.file}:${sample.line}: Unexpected line \`${sample.text}\`, expected a dnsmasq log line`,
    )
  }
  if (summary.unparsed > summary.unparsedSamples.length) {
    lines.push(`  … and ${count(summary.unparsed - summary.unparsedSamples.length)} more`)
  }
  return lines.join('\n')
}

/** `1,234,567`, as `toLocaleString('en-US')` writes it, without loading ICU (~10 ms a run). */
function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
