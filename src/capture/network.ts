/**
 * The bridge a run uses: a new one with a unique name and a free private subnet, or an existing
 * managed bridge (`--network`) whose `raw.dnsmasq` is saved in the network itself before we
 * change it and restored byte for byte afterwards, even by a later `--cleanup`.
 */
import {randomBytes} from 'node:crypto'
import {AllowlistError} from '../errors.js'
import type {Cleanup} from './cleanup.js'
import {
  BORROWED_KEY,
  NAME_PREFIX,
  NETWORK_DESCRIPTION,
  OWNER_KEY,
  SAVED_RAW_DNSMASQ_KEY,
  ownerIsAlive,
  ownerLabel,
} from './labels.js'
import type {Lxd, LxdNetwork} from './lxd.js'
import {parseCidr, pickFreeSubnet, readHostRoutes, type Ipv4Range} from './subnet.js'

export interface NetworkOptions {
  /** An existing managed bridge to borrow; a new one is created when absent. */
  borrow?: string | undefined
  /** New bridges only: NAT to the outside (off also turns routing off: bridge-only). */
  nat: boolean
  /** Turns the network's original `raw.dnsmasq` into the one for this run. */
  rawDnsmasq: (original: string) => string
  /** The host's routes (injectable for tests). */
  hostRoutes?: () => Promise<Ipv4Range[]>
}

export interface PreparedNetwork {
  name: string
  /** `true` when we created it (and will delete it). */
  created: boolean
}

/** RAW key of the dnsmasq options LXD passes to the bridge's dnsmasq. */
const RAW_DNSMASQ = 'raw.dnsmasq'

/**
 * Create or borrow the bridge and put the run's `raw.dnsmasq` on it; registers the undo on
 * `cleanup` before returning (or throwing after a partial change).
 */
export async function prepareNetwork(
  lxd: Lxd,
  options: NetworkOptions,
  cleanup: Cleanup,
): Promise<PreparedNetwork> {
  if (options.borrow !== undefined) return borrowNetwork(lxd, options.borrow, options, cleanup)
  return createNetwork(lxd, options, cleanup)
}

async function createNetwork(
  lxd: Lxd,
  options: NetworkOptions,
  cleanup: Cleanup,
): Promise<PreparedNetwork> {
  const routes = await (options.hostRoutes ?? readHostRoutes)()
  const networks = await lxd.networks()
  const taken = [
    ...routes,
    ...networks.flatMap((network) => {
      const range = parseCidr(network.config['ipv4.address'] ?? '')
      return range ? [range] : []
    }),
  ]
  let lastError: unknown
  // A parallel capture may take the same subnet between our check and LXD's: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const address = pickFreeSubnet(taken)
    if (address === undefined) break
    const name = `${NAME_PREFIX}${randomBytes(3).toString('hex').slice(0, 5)}`
    try {
      await lxd.createNetwork({
        name,
        description: NETWORK_DESCRIPTION,
        config: {
          'ipv4.address': address,
          'ipv4.nat': String(options.nat),
          ...(options.nat ? {} : {'ipv4.routing': 'false'}),
          'ipv6.address': 'none',
          [RAW_DNSMASQ]: options.rawDnsmasq(''),
          [OWNER_KEY]: ownerLabel(),
        },
      })
      cleanup.add(`network ${name}`, () => lxd.deleteNetwork(name))
      return {name, created: true}
    } catch (error) {
      lastError = error
      taken.push(parseCidr(address) as Ipv4Range)
    }
  }
  throw new AllowlistError(
    `Cannot create a bridge for the capture: ${lastError instanceof Error ? lastError.message : 'no free 10.x.y.0/24 subnet'}`,
    {
      exit: 'environment',
      cause: lastError,
      suggestions: ['Pass an existing bridge with `--network NAME`'],
    },
  )
}

async function borrowNetwork(
  lxd: Lxd,
  name: string,
  options: NetworkOptions,
  cleanup: Cleanup,
): Promise<PreparedNetwork> {
  let network: LxdNetwork
  try {
    network = await lxd.network(name)
  } catch (error) {
    throw new AllowlistError(`Unexpected network \`${name}\`, expected an existing LXD network`, {
      exit: 'usage',
      cause: error,
    })
  }
  if (!network.managed || network.type !== 'bridge') {
    throw new AllowlistError(
      `Unexpected network \`${name}\` of type \`${network.type}\`${network.managed ? '' : ' (unmanaged)'}, expected a managed bridge`,
      {exit: 'usage'},
    )
  }
  const borrower = network.config[BORROWED_KEY]
  if (borrower !== undefined && ownerIsAlive(borrower)) {
    throw new AllowlistError(
      `Network \`${name}\` is in use by another capture (\`${borrower}\`), expected a free bridge`,
      {exit: 'environment'},
    )
  }
  // A killed run left its own raw.dnsmasq behind; the user's value is the one it saved.
  const original =
    borrower === undefined ? network.config[RAW_DNSMASQ] : network.config[SAVED_RAW_DNSMASQ_KEY]
  const config = withoutOurKeys(network.config)
  const changed: Record<string, string> = {
    ...config,
    [RAW_DNSMASQ]: options.rawDnsmasq(original ?? ''),
    [BORROWED_KEY]: ownerLabel(),
  }
  if (original !== undefined) changed[SAVED_RAW_DNSMASQ_KEY] = original
  cleanup.add(`raw.dnsmasq of network ${name} (changed)`, () => restoreNetwork(lxd, name))
  await lxd.replaceNetworkConfig(name, changed)
  return {name, created: false}
}

/**
 * Put back the `raw.dnsmasq` saved in a borrowed network and remove our labels. Does nothing
 * when the network carries no borrow label (already restored).
 */
export async function restoreNetwork(lxd: Lxd, name: string): Promise<void> {
  const network = await lxd.network(name)
  if (network.config[BORROWED_KEY] === undefined) return
  const saved = network.config[SAVED_RAW_DNSMASQ_KEY]
  const config = withoutOurKeys(network.config)
  delete config[RAW_DNSMASQ]
  if (saved !== undefined) config[RAW_DNSMASQ] = saved
  await lxd.replaceNetworkConfig(name, config)
}

function withoutOurKeys(config: Record<string, string>): Record<string, string> {
  const copy = {...config}
  delete copy[BORROWED_KEY]
  delete copy[SAVED_RAW_DNSMASQ_KEY]
  return copy
}
