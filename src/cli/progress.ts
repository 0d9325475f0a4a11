/**
 * A one-line progress indicator for long reads, redrawn in place on stderr. Commands create one
 * only when stderr is a terminal, so logs and pipes never receive carriage returns.
 */

export interface ProgressLine {
  update(progress: {bytes: number; totalBytes: number | undefined; lines: number}): void
  /** Erase the line. */
  done(): void
}

/**
 * @param stream Where to draw (a TTY stream).
 * @returns The indicator.
 */
export function createProgressLine(stream: NodeJS.WriteStream): ProgressLine {
  let drawn = false
  return {
    update({bytes, totalBytes, lines}) {
      const percent =
        totalBytes === undefined || totalBytes === 0
          ? ''
          : ` (${Math.min(100, (bytes / totalBytes) * 100).toFixed(0)}%)`
      const size =
        totalBytes === undefined
          ? megabytes(bytes)
          : `${megabytes(bytes)} of ${megabytes(totalBytes)}`
      stream.write(`\r\u001b[2Kreading ${size}${percent}, ${lines.toLocaleString('en-US')} lines`)
      drawn = true
    },
    done() {
      if (drawn) stream.write('\r\u001b[2K')
      drawn = false
    },
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`
}
