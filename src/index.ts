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
export {applyPolicy, policyRules, RULE_IDS} from './policy/index.js'
export type {ApplyPolicyOptions, PolicyOptions, PolicyResult} from './policy/index.js'
export {COLLAPSE_MODES} from './policy/collapse.js'
export type {CollapseMode} from './policy/collapse.js'
export {parsePattern, matchesPattern} from './policy/patterns.js'
export type {Pattern} from './policy/patterns.js'
export {loadConfig, validateConfig, CONFIG_SEARCH_PLACES} from './config/load.js'
export type {LoadConfigOptions, LoadedConfig} from './config/load.js'
export {configSchema, configJsonSchema} from './config/schema.js'
export type {Config} from './config/schema.js'
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
export {ingest, ingestDocument} from './ingest/index.js'
export type {IngestOptions, IngestResult, IngestSummary, UnparsedLine} from './ingest/index.js'
export {normalizeName} from './ingest/normalize-name.js'
export {saveGraph, serializeGraph} from './graph/document.js'
export {loadGraph, parseGraph} from './graph/load-document.js'
export type {GraphDocument} from './graph/document.js'
export {mergeGraphs} from './graph/merge.js'
export {compile} from './compile.js'
export type {CompileInputsOptions, CompileInputsResult} from './compile.js'
export {compileTree} from './compile-tree.js'
export type {CompileOptions, CompileResult} from './compile-tree.js'
export {explainName, formatExplanation} from './policy/explain.js'
export type {Explanation, RuleStep} from './policy/explain.js'
export {formatReport, messagesToData} from './policy/report.js'
export type {MessageData, ReportOptions} from './policy/report.js'
export {explain} from './explain.js'
export type {ExplainOptions} from './explain.js'
export {resolveConfig} from './config/resolve.js'
export type {ConfigSource, ResolvedConfig} from './config/resolve.js'
export {REPORT_FORMATS, buildReportModel, renderReport, renderReportModel} from './report/index.js'
export type {ReportFormat, ReportModel, RenderReportOptions} from './report/index.js'
export {compileReport} from './compile-report.js'
export type {CompileReportOptions, CompileReportResult} from './compile-report.js'
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
export {
  createMatcher,
  detectListSyntax,
  LIST_SYNTAXES,
  parseList,
  readAllowListDocument,
  readList,
} from './lists/index.js'
export type {ListRule, ListSyntax, Matcher, ParsedList, RuleScope, Verdict} from './lists/index.js'
export {
  CHECK_SCHEMA,
  checkAgainstList,
  checkAnnotations,
  checkInputs,
  classifyContent,
  classifyInput,
  demandsOf,
  DIFF_SCHEMA,
  diffAllowLists,
  diffInputs,
  formatCheckMarkdown,
  formatCheckText,
  formatDiffMarkdown,
  formatDiffText,
  formatMergeSummary,
  MERGE_SCHEMA,
  mergeGraphFiles,
  observedCompiler,
  publishCheck,
  readInputsAsAllowLists,
} from './pipeline/index.js'
export type {
  BlockedName,
  CheckOptions,
  CheckResult,
  CompileObserved,
  Demand,
  DiffEntry,
  DiffGroup,
  InputKind,
  InputOptions,
  ListDiff,
  MergedGraphs,
  MergeSummary,
  NameCounts,
  PolicySettings,
  UnusedRule,
} from './pipeline/index.js'
