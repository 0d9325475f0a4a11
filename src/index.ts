/**
 * The public library API of `allowlist`: everything a program needs to ingest dnsmasq logs,
 * apply the policy and render allow-lists without going through the command line.
 */
export {GRAPH_SCHEMA, isDomainNode} from './graph/types.js'
export type {
  Decision,
  DomainData,
  DomainNode,
  GraphNode,
  LogPlace,
  Observation,
  Outcome,
  Root,
  RootData,
  SourceSummary,
} from './graph/types.js'
export type {AllowList, AllowListMeta, Entry} from './graph/entry.js'
export {createRoot, emptyObservation, ensureNode, findNode, observedNodes} from './graph/tree.js'
export {writeFileAtomic} from './fs/write-atomic.js'
export {ExitCode} from './exit-codes.js'
export {AllowlistError} from './errors.js'
export type {AllowlistErrorOptions} from './errors.js'
export {isHostname} from './graph/hostname.js'
export {
  ejectTemplates,
  listFormats,
  outputFileName,
  renderFormat,
  writeOutputs,
} from './render/index.js'
export type {
  EjectOptions,
  FormatInfo,
  OutputTarget,
  RenderOptions,
  RenderedOutput,
} from './render/index.js'
export type {FormatDefinition, RenderContext} from './render/formats/types.js'
export {ingest} from './ingest/index.js'
export type {IngestOptions, IngestResult, IngestSummary, UnparsedLine} from './ingest/index.js'
export {normalizeName} from './ingest/normalize-name.js'
export {loadGraph, parseGraph, saveGraph, serializeGraph} from './graph/document.js'
export type {GraphDocument} from './graph/document.js'
export {mergeGraphs} from './graph/merge.js'
export {
  captureGraph,
  captureRuns,
  cleanupLeftovers,
  LxcCli,
  LxcError,
  runSession,
  verifyList,
} from './capture/index.js'
export type {
  CaptureOptions,
  CaptureResult,
  LeftoverReport,
  Lxd,
  Refusal,
  RunRecord,
  SessionOptions,
  SessionResult,
  VerifyOptions,
  VerifyResult,
} from './capture/index.js'
