/**
 * Running the built CLI as a user would (`node bin/run.js …`), for tests that need the real exit
 * code, stderr and environment (GitHub Actions variables) rather than `runCommand`'s capture.
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

/**
 * @param args Arguments after `allowlist`.
 * @param options Working directory and extra environment (merged over a copy of this process's,
 *   without any GitHub Actions variables the test runner itself may have).
 */
export function runCli(
  args: readonly string[],
  options: {cwd?: string; env?: Record<string, string>; input?: string} = {},
): CliResult {
  const env: NodeJS.ProcessEnv = {...process.env}
  for (const key of Object.keys(env)) if (key.startsWith('GITHUB_')) delete env[key]
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    // Wide columns: oclif wraps error messages at the terminal width, which would split assertions.
    env: {...env, OCLIF_COLUMNS: '1000', ...options.env},
    encoding: 'utf8',
    input: options.input,
  })
  return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}
