/**
 * HAProxy around the `haproxy` format's ACL lines: a minimal `mode tcp` frontend that lets a TLS
 * ClientHello through only when the ACL is true, and `haproxy -c` on it.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {runProgram, type ProgramResult} from './run-program.js'

/**
 * A complete configuration around `aclLines`.
 *
 * @param aclLines The rendered ACL fragment (comments and `acl` lines).
 * @param acl The ACL name the fragment defines.
 * @param port The frontend's loopback port; `backendPort` receives what is let through.
 */
export function sniFrontendConfig(
  aclLines: string,
  acl: string,
  port: number,
  backendPort: number,
): string {
  return [
    'defaults',
    '  mode tcp',
    '  timeout connect 2s',
    '  timeout client 5s',
    '  timeout server 5s',
    'frontend sni',
    `  bind 127.0.0.1:${port}`,
    '  tcp-request inspect-delay 3s',
    ...aclLines
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`),
    `  tcp-request content reject unless { req.ssl_hello_type 1 } ${acl}`,
    '  default_backend sink',
    'backend sink',
    `  server sink 127.0.0.1:${backendPort}`,
    '',
  ].join('\n')
}

/**
 * `haproxy -c` on the fragment inside a frontend that uses its ACL (named by its first `acl`
 * line); `ok` only when HAProxy says the configuration is valid.
 */
export async function checkHaproxyAcl(
  directory: string,
  aclLines: string,
): Promise<ProgramResult & {ok: boolean}> {
  const acl = /^acl (\S+) /m.exec(aclLines)?.[1] ?? 'allowlist'
  const path = join(directory, `haproxy-${acl}.cfg`)
  await writeFile(path, sniFrontendConfig(aclLines, acl, 4443, 4444))
  const result = runProgram('haproxy', 'haproxy', ['-c', '-f', path])
  return {
    ...result,
    ok: result.status === 0 && result.output.includes('Configuration file is valid'),
  }
}
