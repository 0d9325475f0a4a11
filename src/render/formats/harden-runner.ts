/**
 * `harden-runner`: a GitHub Actions step running `step-security/harden-runner` with
 * `egress-policy: block` and the list as `allowed-endpoints` (`host:port`). A domain with its
 * subdomains becomes `d:443` plus `*.d:443`: the agent matches a `*.` endpoint as a suffix
 * (every depth of subdomain) but never the bare domain.
 *
 * Endpoints go on one folded scalar, separated by spaces, which is how the agent splits them.
 */
import type {FormatDefinition} from './types.js'
import {uncoveredEntries} from '../coverage.js'
import {rejectUnknownOptions, stringOption} from './options.js'

export interface HardenRunnerOptions {
  /** Ports allowed for every name, sorted and deduplicated. */
  ports: number[]
  /** The `uses:` reference, e.g. `step-security/harden-runner@v2` or a pinned commit. */
  uses: string
}

export interface HardenRunnerView {
  header: string[]
  uses: string
  endpoints: string[]
}

/** A TCP port, 1 to 65535, without leading zeros. */
const PORT = '(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})'
const PORTS = new RegExp(`^${PORT}(?:,${PORT})*$`)
/** `owner/repo@ref`, or `owner/repo/path@ref`; nothing YAML would read specially. */
const ACTION_REFERENCE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[A-Za-z0-9_./-]+$/

const hardenRunner: FormatDefinition<HardenRunnerOptions, HardenRunnerView> = {
  name: 'harden-runner',
  description: 'GitHub Actions step: step-security/harden-runner allowed-endpoints (host:443)',
  fileName: 'harden-runner-step.yaml',
  parseOptions(raw) {
    rejectUnknownOptions('harden-runner', raw, ['ports', 'uses'])
    const ports = stringOption('harden-runner', raw, 'ports', '443', {
      test: PORTS,
      describe: 'ports between 1 and 65535, comma-separated (`443` or `80,443`)',
    })
      .split(',')
      .map(Number)
    return {
      ports: [...new Set(ports)].sort((a, b) => a - b),
      uses: stringOption('harden-runner', raw, 'uses', 'step-security/harden-runner@v2', {
        test: ACTION_REFERENCE,
        describe: 'an action reference `owner/repo@ref`',
      }),
    }
  },
  buildView(allowList, options, context) {
    return {
      header: context.header,
      uses: options.uses,
      endpoints: uncoveredEntries(allowList.entries).flatMap((entry) =>
        (entry.includesSubdomains ? [entry.name, `*.${entry.name}`] : [entry.name]).flatMap(
          (host) => options.ports.map((port) => `${host}:${port}`),
        ),
      ),
    }
  },
}

export default hardenRunner
