/**
 * `compile`: the library's main call and what `allowlist compile` runs. Logs (or saved graphs)
 * in; ingest, policy once, every requested format rendered; written when a target is given.
 *
 * ```ts
 * import {compile} from 'allowlist'
 * const {outputs, file} = await compile(['dns.log'], {formats: ['plain']})
 * ```
 */
import {compileTree, type CompileOptions, type CompileResult} from './compile-tree.js'
import type {Root} from './graph/types.js'
import {ingest, type IngestOptions, type IngestSummary} from './ingest/index.js'

export type {CompileOptions, CompileResult} from './compile-tree.js'

export interface CompileInputsOptions extends CompileOptions {
  /** Progress of reading the inputs (see `ingest`). */
  onProgress?: IngestOptions['onProgress']
}

export interface CompileInputsResult extends CompileResult {
  /** The graph, with every policy decision recorded on its nodes. */
  tree: Root
  /** What ingest read. */
  summary: IngestSummary
}

/**
 * Compile allow-lists from dnsmasq logs or graph documents.
 *
 * @param inputs Log files (plain or gzip), `-` for stdin, or graph JSON documents.
 * @param options Formats, config, output target.
 * @returns The allow-list, the policy messages, the rendered outputs and the files written.
 * @throws AllowlistError for unreadable inputs (`input`), invalid configs (`config`), unknown
 *   formats (`usage`) and unwritable outputs (`output`).
 */
export async function compile(
  inputs: readonly string[],
  options: CompileInputsOptions = {},
): Promise<CompileInputsResult> {
  const {tree, summary} = await ingest([...inputs], {onProgress: options.onProgress})
  const result = await compileTree(tree, inputs, options)
  return {...result, tree, summary}
}
