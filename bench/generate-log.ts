/**
 * A deterministic synthetic dnsmasq log for benchmarks and large-input tests: the same seed
 * and line count always give the same bytes. The mix follows the real captures in
 * `fixtures/`: queries answered from cache or forwarded, one to three addresses per reply,
 * CNAME chains, NXDOMAIN and NODATA answers, TCP children logging under their own PID, and
 * about 20,000 distinct names asked for with a skewed (hot and cold) popularity.
 */
import {createWriteStream} from 'node:fs'
import {once} from 'node:events'

export interface GenerateOptions {
  /** Lines to write (the last query may be cut short to hit the count exactly). */
  lines: number
  /** PRNG seed. */
  seed?: number
  /** Distinct names to draw from. */
  names?: number
}

const WORDS = [
  'api',
  'cdn',
  'static',
  'registry',
  'files',
  'download',
  'mirror',
  'auth',
  'login',
  'assets',
  'img',
  'edge',
  'pkg',
  'repo',
  'updates',
]
const DOMAINS = [
  'example',
  'npmjs',
  'pythonhosted',
  'debian',
  'github',
  'gitlab',
  'docker',
  'fastly',
  'cloudfront',
  'akamaiedge',
  'jsdelivr',
  'crates',
  'golang',
  'ubuntu',
  'alpinelinux',
  'hashicorp',
]
const TLDS = ['com', 'org', 'net', 'io', 'dev', 'co.uk', 'de']

/** mulberry32: small, fast, and good enough to make a log look varied. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * Write the log to `file`.
 *
 * @returns The number of lines written.
 */
export async function generateLog(file: string, options: GenerateOptions): Promise<number> {
  const random = createRandom(options.seed ?? 1)
  const nameCount = options.names ?? 20_000
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const names: string[] = []
  for (let index = 0; index < nameCount; index++) {
    names.push(`${pick(WORDS)}${index}.${pick(DOMAINS)}.${pick(TLDS)}`)
  }
  // A fifth of the names are aliases whose chain ends at one of a few hundred CDN hosts.
  const targets = names.slice(0, 400).map((name) => `edge-${name}`)
  const out = createWriteStream(file, {highWaterMark: 1 << 20})
  let buffer = ''
  let written = 0
  let second = 0
  const pid = 4100
  const emit = (line: string): void => {
    if (written >= options.lines) return
    const clock = 8 * 3600 + Math.floor(second)
    const time = `Dec  4 ${pad(Math.floor(clock / 3600) % 24)}:${pad(Math.floor(clock / 60) % 60)}:${pad(clock % 60)}`
    buffer += `${time} dnsmasq[${currentPid}]: ${line}\n`
    written++
  }
  let currentPid = pid
  while (written < options.lines) {
    // Skewed popularity: squaring a uniform number favours the first names.
    const index = Math.floor(random() * random() * nameCount)
    const name = names[index] as string
    const type = random() < 0.5 ? 'A' : random() < 0.85 ? 'AAAA' : 'HTTPS'
    const client = `10.148.12.${20 + (index % 8)}`
    currentPid = random() < 0.01 ? pid + 1 + Math.floor(random() * 500) : pid
    second += 0.02
    emit(`query[${type}] ${name} from ${client}`)
    const verb = random() < 0.4 ? 'cached' : 'reply'
    if (verb === 'reply') emit(`forwarded ${name} to 127.0.0.2#5353`)
    if (index % 997 === 13) {
      emit(`${verb} ${name} is NXDOMAIN`)
    } else if (type === 'HTTPS' || (type === 'AAAA' && index % 5 === 1)) {
      emit(`${verb} ${name} is ${type === 'AAAA' ? 'NODATA-IPv6' : 'NODATA'}`)
    } else {
      let answered = name
      if (index % 5 === 0) {
        emit(`${verb} ${name} is <CNAME>`)
        if (index % 3 === 0) {
          answered = `${name}.edgekey.net`
          emit(`${verb} ${answered} is <CNAME>`)
        }
        answered = targets[index % targets.length] as string
      }
      const addresses = 1 + (index % 3)
      for (let address = 0; address < addresses; address++) {
        emit(
          `${verb} ${answered} is ${type === 'A' ? `192.0.${index % 250}.${address + 1}` : `2001:db8:${(index % 65_000).toString(16)}::${address + 1}`}`,
        )
      }
    }
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
  }
  out.end(buffer)
  await once(out, 'finish')
  return written
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}
