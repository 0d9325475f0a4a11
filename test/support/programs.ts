/**
 * Real programs the tests run (squid, nft, dnsmasq, pactester, lxc …). A missing program is a
 * test failure with a message saying what to install, never a skip: a suite that quietly skips
 * its validators proves nothing.
 */
import {spawnSync} from 'node:child_process'

/**
 * Find `program` on PATH (including the sbin directories Debian installs daemons in).
 *
 * @param program The executable name, e.g. `squid`.
 * @param debianPackage The package that provides it, for the error message.
 * @returns The absolute path of the program.
 */
export function requireProgram(program: string, debianPackage: string = program): string {
  const result = spawnSync('sh', ['-c', `command -v "$1"`, 'sh', program], {
    encoding: 'utf8',
    env: {...process.env, PATH: `${process.env.PATH ?? ''}:/usr/local/sbin:/usr/sbin:/sbin`},
  })
  const path = result.stdout.trim()
  if (result.status !== 0 || path === '') {
    throw new Error(
      `\`${program}\` is not installed: install the Debian package \`${debianPackage}\` (see .ci/packages.txt)`,
    )
  }
  return path
}
