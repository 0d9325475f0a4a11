/**
 * Capture and verify on LXD: the functions commands call and the `Lxd` interface they drive.
 */
export {LxcCli, LxcError} from './lxc-cli.js'
export type {
  ExecOptions,
  ExecResult,
  InstanceAddresses,
  LaunchSpec,
  Lxd,
  LxdInstance,
  LxdNetwork,
  NetworkSpec,
} from './lxd.js'
export {runSession} from './session.js'
export type {RunRecord, SessionOptions, SessionResult} from './session.js'
export {verifyList} from './verify.js'
export type {VerifyOptions, VerifyResult} from './verify.js'
export type {Refusal} from './refusals.js'
export {cleanupLeftovers} from './leftovers.js'
export type {LeftoverReport} from './leftovers.js'
export {captureRawDnsmasq} from './raw-dnsmasq.js'
export {parsePush} from './instance.js'
export type {PushedFile} from './instance.js'
export {captureGraph, captureRuns, clientNames} from './capture.js'
export type {CaptureOptions, CaptureResult} from './capture.js'
