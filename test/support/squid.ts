/**
 * Check rendered Squid output the way Squid itself reads it: wrapped in a minimal squid.conf
 * (no pid file, no logs, nothing outside the test's directory) and run through `squid -k parse`.
 * Squid exits 0 on several problems (overlapping domains, empty ACLs), so any line that says
 * FATAL, ERROR, WARNING, "is ignored" or "Bungled" counts as a failure too.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {runProgram} from './run-program.js'

export interface SquidCheck {
  status: number | null
  /** Squid's complaints, one per line; empty when it accepted the file silently. */
  problems: string[]
}

/**
 * Parse `content` as Squid would load it.
 *
 * @param directory A directory the test owns.
 * @param content The rendered output.
 * @param mode `acl`: the output is included; `file`: an ACL loads it as a domain list.
 * @param withHttpAccess Add `http_access` lines naming the ACL (leave off when the output has them).
 */
export async function squidParse(
  directory: string,
  content: string,
  mode: 'acl' | 'file',
  withHttpAccess = true,
): Promise<SquidCheck> {
  const output = join(directory, mode === 'acl' ? 'allowlist.squid.conf' : 'allowlist.txt')
  const config = join(directory, 'squid.conf')
  await writeFile(output, content)
  await writeFile(
    config,
    [
      'pid_filename none',
      'cache_log stdio:/dev/null',
      'access_log none',
      `coredump_dir ${directory}`,
      'http_port 127.0.1.9:3128',
      mode === 'acl' ? `include ${output}` : `acl allowlist dstdomain "${output}"`,
      ...(withHttpAccess ? ['http_access allow allowlist', 'http_access deny all'] : []),
      '',
    ].join('\n'),
  )
  const {status, output: said} = runProgram('squid', 'squid', ['-k', 'parse', '-f', config])
  const problems = said
    .split('\n')
    .filter((line) => /FATAL|ERROR|WARNING|Warning|is ignored|Bungled/.test(line))
  return {status, problems}
}
