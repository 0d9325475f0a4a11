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

/** One line per code for command help texts. */
export const EXIT_CODES_HELP = [
  '0  success (diff: same; check/verify: nothing blocked)',
  '1  finding: lists differ, a name would be blocked, or a warning under --strict',
  '2  bad flags or arguments',
  '3  an input cannot be read or parsed',
  '4  invalid configuration',
  '5  an output cannot be written',
  '6  missing environment (lxc, LXD daemon, a required program)',
  '130 interrupted (after cleaning up)',
].join('\n')
