/**
 * The pipeline commands as library calls: `diffInputs` and `checkInputs` read their inputs (logs,
 * graphs or list files) and return the documented `--json` documents; `publishCheck` turns a
 * check into GitHub Actions annotations and a job summary section.
 */
import {AllowlistError} from '../errors.js'
import {parseList, readListBytes} from '../lists/index.js'
import type {ListSyntax} from '../lists/types.js'
import {checkAgainstList, type CheckResult} from './check.js'
import {formatCheckMarkdown} from './check-report.js'
import {diffAllowLists, type ListDiff} from './diff.js'
import {appendJobSummary, checkAnnotations} from './github.js'
import {classifyContent, readInputsAsAllowLists, type InputOptions} from './inputs.js'

export {CHECK_SCHEMA, checkAgainstList, demandsOf} from './check.js'
export type {BlockedName, CheckResult, Demand, UnusedRule} from './check.js'
export {formatCheckMarkdown, formatCheckText} from './check-report.js'
export {DIFF_SCHEMA, diffAllowLists} from './diff.js'
export type {DiffEntry, DiffGroup, ListDiff} from './diff.js'
export {formatDiffMarkdown, formatDiffText} from './diff-report.js'
export {checkAnnotations, escapeData, escapeProperty, workflowCommand} from './github.js'
export {classifyContent, classifyInput, readInputsAsAllowLists} from './inputs.js'
export type {CompileObserved, InputKind, InputOptions} from './inputs.js'

/**
 * Compare two inputs.
 *
 * @param oldInput A log, graph or list file (what was).
 * @param newInput The same kinds (what is).
 * @param options How logs and graphs become lists; which syntax list files use.
 */
export async function diffInputs(
  oldInput: string,
  newInput: string,
  options: InputOptions,
): Promise<ListDiff> {
  const [before] = await readInputsAsAllowLists([oldInput], options)
  const [after] = await readInputsAsAllowLists([newInput], options)
  if (!before || !after) throw new TypeError('diffInputs: expected one allow-list per input')
  return diffAllowLists(before, after, {old: [oldInput], new: [newInput]})
}

export interface CheckOptions extends InputOptions {
  /** The syntax of the `against` list; detected when absent. */
  againstSyntax?: ListSyntax | undefined
}

/**
 * Check what inputs need against a list.
 *
 * @param inputs Logs, graphs and list files whose names must pass.
 * @param against The list file that would enforce.
 * @param options How logs and graphs become lists; list syntaxes.
 */
export async function checkInputs(
  inputs: readonly string[],
  against: string,
  options: CheckOptions,
): Promise<CheckResult> {
  // Read once: LIST may be a pipe (`--against <(git show main:allowlist.txt)`).
  const bytes = await readListBytes(against)
  const kind = classifyContent(bytes.subarray(0, 64 * 1024))
  if (kind !== 'list' && options.againstSyntax === undefined) {
    throw new AllowlistError(
      `Unexpected ${kind === 'log' ? 'dnsmasq log' : 'graph'} \`${against}\` after --against, expected a list file (compile it first: \`allowlist compile ${against} -o allowlist.txt\`)`,
      {exit: 'usage', file: against},
    )
  }
  const list = parseList(bytes.toString('utf8'), against, options.againstSyntax)
  const allowLists = await readInputsAsAllowLists(inputs, options)
  return checkAgainstList(allowLists, list, [...inputs])
}

/**
 * Publish a check in GitHub Actions.
 *
 * @param result The check.
 * @param summaryPath `$GITHUB_STEP_SUMMARY`, when the runner set it.
 * @returns The workflow command lines to print on stdout.
 */
export async function publishCheck(
  result: CheckResult,
  summaryPath: string | undefined,
): Promise<string[]> {
  if (summaryPath) await appendJobSummary(summaryPath, formatCheckMarkdown(result))
  return checkAnnotations(result)
}
export {formatMergeSummary, MERGE_SCHEMA, mergeGraphFiles} from './merge.js'
export type {MergedGraphs, MergeSummary, NameCounts} from './merge.js'
export {observedCompiler} from './compile-observed.js'
export type {PolicySettings} from './compile-observed.js'
