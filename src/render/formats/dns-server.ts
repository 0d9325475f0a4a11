/**
 * Upstream DNS server addresses as dnsmasq writes them: an IP address with an optional `#port`
 * (`127.0.0.53`, `127.0.2.1#5353`, `2001:db8::53#53`). Checked strictly, because the value is
 * written verbatim after `server=/domain/`.
 */
import {isIP} from 'node:net'

/** Is `value` an `ADDRESS[#PORT]` dnsmasq accepts as a server? */
export function isDnsServer(value: string): boolean {
  const [address = '', port, ...rest] = value.split('#')
  if (rest.length > 0 || isIP(address) === 0 || address.includes('%')) return false
  if (port === undefined) return true
  return /^[1-9]\d{0,4}$/.test(port) && Number(port) <= 65_535
}

export const DNS_SERVER = {
  test: isDnsServer,
  describe: 'an IP address with an optional `#port` (`127.0.0.53`, `127.0.2.1#5353`)',
}
