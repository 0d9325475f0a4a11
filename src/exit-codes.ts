/**
 * Exit codes, in one place so commands, help text and the README agree. `1` is reserved for
 * "the answer is no" (lists differ, a name would be blocked, warnings under `--strict`), like
 * `diff` and `grep`; real failures use the codes above it.
 */
export const ExitCode = {
  /** Success; for diff/check/verify: nothing differs or would be blocked. */
  ok: 0,
  /** A finding: lists differ, a name would be blocked, or a warning under `--strict`. */
  finding: 1,
  /** Bad flags or arguments (oclif's own parse errors use it too). */
  usage: 2,
  /** An input (log, graph, list) cannot be read or is not what it claims to be. */
  input: 3,
  /** The configuration file is invalid. */
  config: 4,
  /** An output file cannot be written. */
  output: 5,
  /** The environment is missing something: `lxc`, a running LXD, a needed program. */
  environment: 6,
  /** Interrupted by SIGINT/SIGTERM after cleaning up. */
  interrupted: 130,
} as const

export type ExitCodeName = keyof typeof ExitCode

const HELP_LINES: Record<ExitCodeName, string> = {
  ok: '0  success (diff: same; check/verify: nothing blocked)',
  finding: '1  finding: lists differ, a name would be blocked, or a warning under --strict',
  usage: '2  bad flags or arguments',
  input: '3  an input cannot be read or parsed',
  config: '4  invalid configuration',
  output: '5  an output cannot be written',
  environment: '6  missing environment (lxc, LXD daemon, a required program)',
  interrupted: '130 interrupted (after cleaning up)',
}

/**
 * The exit codes a command can end with, one line each, for its help text.
 *
 * @param names The codes that apply, in any order; they are listed in numeric order.
 * @returns The lines. Without `finding` the success line is plain `success`: its note about
 *   diff/check/verify only means something next to code 1.
 */
export function exitCodesHelp(names: readonly ExitCodeName[]): string {
  return (Object.keys(ExitCode) as ExitCodeName[])
    .filter((name) => names.includes(name))
    .map((name) => (name === 'ok' && !names.includes('finding') ? '0  success' : HELP_LINES[name]))
    .join('\n')
}

/** Every code, for commands that can end with any of them. */
export const EXIT_CODES_HELP = exitCodesHelp(Object.keys(ExitCode) as ExitCodeName[])
