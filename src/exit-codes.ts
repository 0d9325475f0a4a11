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

/** What each code means, said for every command at once. */
const MEANINGS: Record<ExitCodeName, string> = {
  ok: 'success',
  finding: 'finding: lists differ, a name would be blocked, or a warning under --strict',
  usage: 'bad flags or arguments',
  input: 'an input cannot be read or parsed',
  config: 'invalid configuration',
  output: 'an output cannot be written',
  environment: 'missing environment (lxc, LXD daemon, a required program)',
  interrupted: 'interrupted (after cleaning up)',
}

/**
 * The exit codes a command can end with, one line each, for its help text.
 *
 * @param names The codes that apply, in any order; they are listed in numeric order.
 * @param meanings What a code means for this command, where the shared wording would say more
 *   than applies: `{ok: 'the lists are the same', finding: 'the lists differ'}`.
 * @returns The lines, `<code> <meaning>`.
 */
export function exitCodesHelp(
  names: readonly ExitCodeName[],
  meanings: Partial<Record<ExitCodeName, string>> = {},
): string {
  return (Object.keys(ExitCode) as ExitCodeName[])
    .filter((name) => names.includes(name))
    .map((name) => `${String(ExitCode[name]).padEnd(2)} ${meanings[name] ?? MEANINGS[name]}`)
    .join('\n')
}

/** Every code, for a summary of all commands. */
export const EXIT_CODES_HELP = exitCodesHelp(Object.keys(ExitCode) as ExitCodeName[], {
  ok: 'success (diff: same; check/verify: nothing blocked)',
})
