/**
 * The messages dnsmasq writes that carry no name (start-up, statistics, DNSSEC, overflow …).
 * The scanner reports a dnsmasq line whose message it does not recognise; it is noise when it
 * starts like one of these, else an unparsed line. Such lines are rare, so a string check
 * is fast enough and the list stays readable.
 */

/** Messages dnsmasq writes that carry no name; matched only when nothing else did. */
const NOISE = [
  'started, ',
  'compile time options',
  'using ',
  'read ',
  'reading ',
  'exiting ',
  'cleared cache',
  'DNS service limited',
  'dnssec-query[',
  'dnssec-retry[',
  'validation ',
  'overflow: ',
  'warning: ',
  'failed ',
  'ignoring ',
  'Ignoring ',
  'no servers found',
  'Maximum number of concurrent',
  'auth[',
  'ipset add',
  'nftset add',
  'setting ',
  'asynchronous logging',
  'DNSSEC ',
  'time ',
  'possible DNS-rebind',
  'reducing DNS packet size',
  'LOUD WARNING',
  'cache size ',
  'queries forwarded',
  'queries answered',
  'queries for authoritative',
  'server ',
  'pool memory',
  'child processes',
  'bad address',
  'config error',
  'FAILED to start up',
  'secure ',
  'insecure ',
  'bogus ',
  'directory ',
  'not giving name',
  'duplicate ',
]

/** Whether the message at `buffer[start, end)` is one of the noise messages. */
export function isNoise(buffer: Buffer, start: number, end: number): boolean {
  const head = buffer.toString('latin1', start, Math.min(end, start + 32))
  return NOISE.some((prefix) => head.startsWith(prefix))
}
