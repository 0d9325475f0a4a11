/**
 * The dnsmasq and nftables formats together: in a fresh network namespace (nothing shared with
 * the host), the rendered nftables file is loaded, the rendered dnsmasq config runs with
 * `--dnsmasq-nftset` lines and a loopback upstream, and resolving an allowed name puts its
 * address into the set while a refused name adds nothing. Proves the "firewall follows DNS" setup.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {requireProgram} from '../support/programs.js'
import {runProgram} from '../support/run-program.js'
import {useTempDir} from '../support/temp-dir.js'

const list = allowListOf([entry('example.com', {includesSubdomains: true}), entry('exact.org')])
const nftOptions = {table: 'egress', setV4: 'v4', setV6: 'v6'}

describe('dnsmasq nftset lines with the nftables sets', () => {
  const temp = useTempDir('allowlist-nftset-')

  it('should add the addresses of allowed names, and only those, to the sets', async () => {
    const dnsmasq = requireProgram('dnsmasq', 'dnsmasq-base')
    const nft = requireProgram('nft', 'nftables')
    const dig = requireProgram('dig', 'bind9-dnsutils')
    const directory = temp.path
    const nftFile = join(directory, 'allowlist.nft')
    const dnsmasqFile = join(directory, 'allowlist.dnsmasq.conf')
    await writeFile(
      nftFile,
      await renderFormat(list, {format: 'nftables', formatOptions: nftOptions}),
    )
    await writeFile(
      dnsmasqFile,
      await renderFormat(list, {
        format: 'dnsmasq',
        formatOptions: {
          upstream: '127.0.1.250#5399',
          nftset: true,
          nftTable: nftOptions.table,
          nftSetV4: nftOptions.setV4,
          nftSetV6: nftOptions.setV6,
        },
      }),
    )
    const common = '--keep-in-foreground --pid-file= --user=root --no-hosts --bind-interfaces'
    const script = [
      'set -e',
      'ip link set lo up',
      `"${nft}" -f "${nftFile}"`,
      `"${dnsmasq}" ${common} --no-resolv --listen-address=127.0.1.250 --port=5399 --address=/example.com/192.0.2.77 --address=/exact.org/192.0.2.88 --address=/#/192.0.2.99 &`,
      'upstream=$!',
      `"${dnsmasq}" ${common} --listen-address=127.0.1.251 --port=53 --conf-file="${dnsmasqFile}" &`,
      'resolver=$!',
      // Wait for them too, so that nothing still writes into the directory the test removes.
      "trap 'kill $upstream $resolver; wait' EXIT",
      'sleep 0.5',
      `echo "allowed: $("${dig}" +short +time=2 +tries=1 @127.0.1.251 www.example.com A)"`,
      `"${dig}" +short +time=2 +tries=1 @127.0.1.251 exact.org A`,
      `"${dig}" +time=2 +tries=1 @127.0.1.251 other.net A | grep -o 'status: [A-Z]*'`,
      `"${nft}" list set inet egress v4`,
    ].join('\n')
    // A plain network namespace (root only): dnsmasq cannot drop privileges inside `unshare -r`.
    const result = runProgram('unshare', 'util-linux', ['-n', 'sh', '-c', script])
    expect(result.status, result.output).toBe(0)
    expect(result.output).toContain('allowed: 192.0.2.77')
    expect(result.output).toContain('status: REFUSED')
    expect(result.output).toMatch(/elements = \{ 192\.0\.2\.77, 192\.0\.2\.88 \}/)
  })
})
