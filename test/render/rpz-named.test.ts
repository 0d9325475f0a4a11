/**
 * The rpz format in a running BIND: in a fresh network namespace (nothing shared with the host),
 * named loads the rendered zone as its response policy and forwards to a loopback dnsmasq that
 * answers every name. Listed names resolve, subdomains only where the entry includes them, and
 * every other name (unlisted TLDs, siblings and parents of listed names, look-alikes) is NXDOMAIN.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {requireProgram} from '../support/programs.js'
import {runProgram} from '../support/run-program.js'
import {useTempDir} from '../support/temp-dir.js'

const list = allowListOf([
  entry('example.com', {includesSubdomains: true}),
  entry('exact.org'),
  entry('deep.exact.org'),
  entry('target.cdn.net', {cnameTarget: true}),
])

/** [name, expected status]. */
const cases: [string, string][] = [
  ['example.com', 'NOERROR'],
  ['www.example.com', 'NOERROR'],
  ['exact.org', 'NOERROR'],
  ['sub.exact.org', 'NXDOMAIN'],
  ['deep.exact.org', 'NOERROR'],
  ['x.deep.exact.org', 'NXDOMAIN'],
  ['target.cdn.net', 'NOERROR'],
  ['cdn.net', 'NXDOMAIN'],
  ['other.cdn.net', 'NXDOMAIN'],
  ['other.net', 'NXDOMAIN'],
  ['notexample.com', 'NXDOMAIN'],
  ['example.com.evil.net', 'NXDOMAIN'],
  ['com', 'NXDOMAIN'],
  ['unlisted.xyz', 'NXDOMAIN'],
  ['alias.example.com', 'NOERROR'],
  // The forwarder returns the chain to the unlisted other.cdn.net in one answer, and named 9.18
  // does not rewrite it: CNAME targets are checked only when named follows the chain itself.
  ['alias2.example.com', 'NOERROR'],
]

describe('rpz format in a running named', () => {
  const temp = useTempDir('allowlist-rpz-named-')

  it('should pass listed names and answer NXDOMAIN for every other name', async () => {
    const named = requireProgram('named', 'bind9')
    const dnsmasq = requireProgram('dnsmasq', 'dnsmasq-base')
    const dig = requireProgram('dig', 'bind9-dnsutils')
    const directory = temp.path
    const zone = join(directory, 'allowlist.rpz')
    const config = join(directory, 'named.conf')
    await writeFile(zone, await renderFormat(list, {format: 'rpz'}))
    await writeFile(
      config,
      `options {
	directory "${directory}";
	pid-file none;
	session-keyfile none;
	listen-on port 53 { 127.0.0.1; };
	listen-on-v6 { none; };
	recursion yes;
	allow-query { any; };
	forwarders { 127.0.1.250 port 5399; };
	forward only;
	dnssec-validation no;
	max-cache-size 32m;
	response-policy { zone "rpz.allowlist"; };
};
controls { };
zone "rpz.allowlist" { type primary; file "${zone}"; allow-query { none; }; };
`,
    )
    const script = [
      'set -e',
      'ip link set lo up',
      `"${dnsmasq}" --keep-in-foreground --pid-file= --user=root --no-hosts --no-resolv --bind-interfaces --listen-address=127.0.1.250 --port=5399 --host-record=target.cdn.net,192.0.2.201 --cname=alias.example.com,target.cdn.net --host-record=other.cdn.net,192.0.2.202 --cname=alias2.example.com,other.cdn.net --address=/#/192.0.2.55 &`,
      'upstream=$!',
      `"${named}" -g -4 -c "${config}" > "${join(directory, 'named.log')}" 2>&1 &`,
      'server=$!',
      // Wait for them too: named may still be writing into the directory the test then removes.
      "trap 'kill $upstream $server; wait' EXIT",
      `for i in $(seq 1 100); do "${dig}" +time=1 +tries=1 @127.0.0.1 . NS >/dev/null 2>&1 && break; sleep 0.1; done`,
      ...cases.map(
        ([name]) =>
          `echo "${name} $("${dig}" +time=2 +tries=1 @127.0.0.1 ${name} A | sed -n 's/.*status: \\([A-Z]*\\).*/\\1/p')"`,
      ),
    ].join('\n')
    // A plain network namespace (root only): named and dnsmasq bind port 53 and 5399 inside it.
    const result = runProgram('unshare', 'util-linux', ['-n', 'sh', '-c', script])
    expect(result.status, result.output).toBe(0)
    const answers = Object.fromEntries(
      result.output
        .trim()
        .split('\n')
        .map((line) => line.split(' ') as [string, string]),
    )
    expect(answers).toEqual(Object.fromEntries(cases))
  })
})
