/**
 * Undo steps, run in reverse order exactly once: on success, on failure and on SIGINT/SIGTERM.
 * Each step that changes something registers its undo right after the change, so an interrupt
 * at any point undoes precisely what was done so far.
 */

export interface CleanupReport {
  /** What was undone, in order. */
  done: string[]
  /** Steps that failed, with the reason; the remaining steps still ran. */
  failed: Array<{step: string; reason: string}>
}

export class Cleanup {
  readonly #steps: Array<{step: string; undo: () => Promise<void>}> = []

  /**
   * @param step What is undone, for reports (`instance allowlist-1a2b`).
   * @param undo The action; it must tolerate the thing already being gone.
   */
  add(step: string, undo: () => Promise<void>): void {
    this.#steps.push({step, undo})
  }

  /** Run and forget every registered step, newest first. */
  async run(): Promise<CleanupReport> {
    const report: CleanupReport = {done: [], failed: []}
    while (this.#steps.length > 0) {
      const {step, undo} = this.#steps.pop() as {step: string; undo: () => Promise<void>}
      try {
        await undo()
        report.done.push(step)
      } catch (error) {
        report.failed.push({step, reason: error instanceof Error ? error.message : String(error)})
      }
    }
    return report
  }

  /** Forget every step without running it (`--keep`), returning what would have been undone. */
  discard(): string[] {
    return this.#steps
      .splice(0)
      .map(({step}) => step)
      .reverse()
  }
}

/**
 * Run `body` with SIGINT and SIGTERM turned into an abort of the given controller, so waits and
 * the running command stop and the caller's cleanup runs before the process exits.
 *
 * @param controller Aborted with an `Interrupted` error on the first signal.
 * @param body The work; it should pass `controller.signal` to everything that waits.
 */
export async function withInterruptHandling<T>(
  controller: AbortController,
  body: () => Promise<T>,
): Promise<T> {
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!controller.signal.aborted) controller.abort(new Interrupted(signal))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    return await body()
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** The abort reason when a signal arrived. */
export class Interrupted extends Error {
  readonly signal: NodeJS.Signals
  constructor(signal: NodeJS.Signals) {
    super(`Interrupted by ${signal}`)
    this.name = 'Interrupted'
    this.signal = signal
  }
}
