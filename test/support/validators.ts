/**
 * Each output format checked by the program that consumes it, from rendered text: the file is
 * written into the test's directory and the validator's verdict returned with everything it said.
 * Format tests and the property tests share these, so both hold outputs to the same standard.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {FiltersEngine} from '@ghostery/adblocker'
import {parse} from 'yaml'
import {checkCiliumPolicy} from './cilium-policy.js'
import {checkHaproxyAcl} from './haproxy.js'
import {runProgram} from './run-program.js'
import {squidParse} from './squid.js'
import {unboundCheckconf} from './unbound.js'

export interface Verdict {
  ok: boolean
  /** What the validator printed, for the failure message. */
  output: string
}

/** `nft` in a new user and network namespace: root there, nothing shared with the host. */
export function nftInNamespace(script: string) {
  runProgram('nft', 'nftables', ['--version'])
  return runProgram('unshare', 'util-linux', ['-rn', 'sh', '-c', script])
}

async function written(directory: string, name: string, content: string): Promise<string> {
  const path = join(directory, name)
  await writeFile(path, content)
  return path
}

/** Check each format's output; keys are format names. */
export const validators: Record<string, (directory: string, content: string) => Promise<Verdict>> =
  {
    async squid(directory, content) {
      const {status, problems} = await squidParse(
        directory,
        content,
        'acl',
        !content.includes('http_access'),
      )
      return {ok: status === 0 && problems.length === 0, output: problems.join('\n')}
    },
    async nftables(directory, content) {
      const path = await written(directory, 'allowlist.nft', content)
      const {status, output} = nftInNamespace(`nft -c -f "${path}"`)
      return {ok: status === 0 && output === '', output}
    },
    async dnsmasq(directory, content) {
      const path = await written(directory, 'allowlist.dnsmasq.conf', content)
      const {status, output} = runProgram('dnsmasq', 'dnsmasq-base', [
        '--test',
        `--conf-file=${path}`,
      ])
      return {ok: status === 0 && output.includes('syntax check OK'), output}
    },
    async pac(directory, content) {
      const path = await written(directory, 'allowlist.pac', content)
      const {status, output} = runProgram('pactester', 'libpacparser1', [
        '-p',
        path,
        '-u',
        'http://example.com/',
      ])
      return {ok: status === 0 && /^(DIRECT|PROXY \S+)\n?$/.test(output), output}
    },
    async unbound(directory, content) {
      const path = await written(directory, 'allowlist.unbound.conf', content)
      const {status, output} = await unboundCheckconf(directory, path)
      return {ok: status === 0 && output.includes('no errors'), output}
    },
    async rpz(directory, content) {
      const path = await written(directory, 'allowlist.rpz', content)
      const {status, output} = runProgram('named-checkzone', 'bind9-utils', ['rpz.allowlist', path])
      return {ok: status === 0 && /\nOK\n?$/.test(output), output}
    },
    async cilium(_directory, content) {
      const {errors} = checkCiliumPolicy(content)
      return {ok: errors.length === 0, output: errors.join('\n')}
    },
    async haproxy(directory, content) {
      const {ok, output} = await checkHaproxyAcl(directory, content)
      return {ok, output}
    },
    async adblock(_directory, content) {
      // Every rule line must load as a network exception; comments (`!`) carry no rule.
      const rules = content.split('\n').filter((line) => line !== '' && !line.startsWith('!'))
      const filters = FiltersEngine.parse(rules.join('\n'), {loadNetworkFilters: true}).getFilters()
        .networkFilters
      const exceptions = filters.filter((filter) => filter.isException())
      return {
        ok: exceptions.length === rules.length,
        output: `${rules.length} rules, ${exceptions.length} loaded as exceptions`,
      }
    },
    async 'harden-runner'(_directory, content) {
      const steps = parse(content) as Array<{with?: Record<string, string>}>
      const endpoints = steps[0]?.with?.['allowed-endpoints'] ?? ''
      const bad = endpoints
        .split(' ')
        .filter((endpoint) => endpoint !== '' && !/^(\*\.)?[a-z0-9_.-]+:\d{1,5}$/.test(endpoint))
      return {ok: steps.length === 1 && bad.length === 0, output: bad.join('\n')}
    },
  }
