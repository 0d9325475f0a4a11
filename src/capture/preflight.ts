/**
 * Checks before a capture touches anything: `lxc` is installed, the daemon answers and trusts
 * us, and it was initialised (the default profile has a root disk). Each failure is an
 * `environment` error that says how to fix it.
 */
import {AllowlistError} from '../errors.js'
import {LxcError} from './lxc-cli.js'
import type {Lxd} from './lxd.js'

const INSTALL =
  'Install LXD: `sudo apt install lxd` (Debian 12+) or `sudo snap install lxd`, then `sudo lxd init`'

/** Resolve when LXD is usable; otherwise reject with an `AllowlistError` (exit `environment`). */
export async function preflight(lxd: Lxd): Promise<void> {
  let trusted: boolean
  try {
    ;({trusted} = await lxd.server())
  } catch (error) {
    if (error instanceof LxcError && error.missing) {
      throw new AllowlistError('`lxc` is not installed, expected the LXD client on PATH', {
        exit: 'environment',
        suggestions: [INSTALL],
      })
    }
    throw new AllowlistError(
      `The LXD daemon is not reachable: ${error instanceof Error ? error.message : String(error)}`,
      {
        exit: 'environment',
        cause: error,
        suggestions: [
          'Start it (`sudo systemctl start lxd`, `sudo snap start lxd`, or `sudo lxd --group lxd &`)',
          'Add yourself to the `lxd` group (`sudo usermod -aG lxd $USER`, then log in again)',
        ],
      },
    )
  }
  if (!trusted) {
    throw new AllowlistError('The LXD daemon does not trust this client, expected local access', {
      exit: 'environment',
      suggestions: ['Use the local unix socket as a member of the `lxd` group'],
    })
  }
  if (!(await lxd.defaultProfileHasRootDisk())) {
    throw new AllowlistError(
      'LXD is not initialised: the `default` profile has no root disk, expected one',
      {
        exit: 'environment',
        suggestions: ['Run `sudo lxd init` (or add a storage pool and a root disk)'],
      },
    )
  }
}
