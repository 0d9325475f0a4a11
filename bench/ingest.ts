/**
 * `npm run bench`: generate a seeded synthetic dnsmasq log (default 10 million lines) and time
 * `allowlist ingest LOG -o /dev/null` against the manual recipe
 * `grep -oP 'query\[A+\]\s\K\S+' LOG | sort -u` on the same file, in the same run.
 * Prints both wall times (median of the runs), their ratio (ours / grep) and our peak RSS,
 * plus the RSS on a log a tenth as long, since memory must not grow with the line count.
 *
 * Flags: --lines N (default 10000000), --runs N (default 5: single runs vary by ±15 % on small VMs), --seed N, --keep (leave the log).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, statSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {generateLog} from './generate-log.js'

const {values} = parseArgs({
  options: {
    lines: {type: 'string', default: '10000000'},
    runs: {type: 'string', default: '5'},
    seed: {type: 'string', default: '1'},
    keep: {type: 'boolean', default: false},
  },
})
const lines = Number(values.lines)
const runs = Number(values.runs)
const seed = Number(values.seed)
if (!Number.isInteger(lines) || lines <= 0 || !Number.isInteger(runs) || runs <= 0) {
  throw new TypeError('Unexpected --lines or --runs, expected positive integers')
}

const directory = mkdtempSync(join(tmpdir(), 'allowlist-bench-'))
try {
  const log = join(directory, 'dns.log')
  const small = join(directory, 'dns-small.log')
  let started = performance.now()
  await generateLog(log, {lines, seed})
  await generateLog(small, {lines: Math.max(1, Math.floor(lines / 10)), seed})
  const megabytes = statSync(log).size / 1_048_576
  console.log(
    `log: ${lines.toLocaleString('en-US')} lines, ${megabytes.toFixed(0)} MB, generated in ${seconds(performance.now() - started)} s (seed ${seed})`,
  )
  console.log(`cores: ${availableParallelism()}`)
  // Both commands read from the page cache, not the disk.
  spawnSync('cat', [log], {stdio: ['ignore', 'ignore', 'inherit']})

  const grepTimes: number[] = []
  const oursTimes: number[] = []
  let peakKilobytes = 0
  for (let run = 0; run < runs; run++) {
    started = performance.now()
    const grep = spawnSync(
      'sh',
      ['-c', `grep -oP 'query\\[A+\\]\\s\\K\\S+' "$1" | sort -u > /dev/null`, 'sh', log],
      {
        stdio: 'inherit',
      },
    )
    grepTimes.push(performance.now() - started)
    if (grep.status !== 0) throw new Error(`grep | sort failed with status ${grep.status}`)
    const ours = timeIngest(log)
    oursTimes.push(ours.milliseconds)
    peakKilobytes = Math.max(peakKilobytes, ours.peakKilobytes)
  }
  const smallPeak = timeIngest(small).peakKilobytes
  const grepMedian = median(grepTimes)
  const oursMedian = median(oursTimes)
  console.log(
    `grep | sort -u:   ${seconds(grepMedian)} s  (runs: ${grepTimes.map(seconds).join(', ')})`,
  )
  console.log(
    `allowlist ingest: ${seconds(oursMedian)} s  (runs: ${oursTimes.map(seconds).join(', ')})`,
  )
  console.log(`ratio (ours / grep): ${(oursMedian / grepMedian).toFixed(2)}  (target <= 1.00)`)
  console.log(`peak RSS: ${(peakKilobytes / 1024).toFixed(0)} MB  (target <= 400 MB)`)
  console.log(
    `peak RSS at ${Math.floor(lines / 10).toLocaleString('en-US')} lines: ${(smallPeak / 1024).toFixed(0)} MB  (memory follows names, not lines)`,
  )
  if (values.keep) console.log(`log kept: ${log}`)
} finally {
  if (!values.keep) rmSync(directory, {recursive: true, force: true})
}

/** Run the real CLI under GNU time for the wall time and the peak resident set size. */
function timeIngest(log: string): {milliseconds: number; peakKilobytes: number} {
  const started = performance.now()
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', 'node', 'bin/run.js', 'ingest', log, '-o', '/dev/null'],
    {
      encoding: 'utf8',
    },
  )
  const milliseconds = performance.now() - started
  if (child.status !== 0) throw new Error(`allowlist ingest failed: ${child.stderr}`)
  const peakKilobytes = Number(child.stderr.trim().split('\n').at(-1))
  return {milliseconds, peakKilobytes}
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(2)
}
