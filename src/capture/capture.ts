/**
 * `capture`: run the command in fresh instances on a bridge whose dnsmasq logs every query
 * (forwarding to `upstreams` when given, else wherever the bridge forwards), and return each
 * run's slice of the log, attributed to its instance.
 */
import type {Lxd} from './lxd.js'
import {captureRawDnsmasq} from './raw-dnsmasq.js'
import {runSession, type SessionOptions, type SessionResult} from './session.js'

export interface CaptureOptions extends Omit<SessionOptions, 'rawDnsmasq'> {
  /** `address#port` servers the bridge forwards to instead of its default (empty: default). */
  upstreams: readonly string[]
}

/**
 * @returns The session: one log slice per run, the command's exit code, what was cleaned up.
 */
export async function captureRuns(lxd: Lxd, options: CaptureOptions): Promise<SessionResult> {
  return runSession(lxd, {
    ...options,
    rawDnsmasq: (original, logging) =>
      captureRawDnsmasq(original, {...logging, upstreams: options.upstreams}),
  })
}
