/**
 * `ingest()`: dnsmasq logs (plain, `log-queries=extra`, syslog, journald; files, gzip, stdin)
 * and saved graph documents in, one merged domain graph and a summary out. Each input becomes a
 * graph of its own (one run), then all are merged. Large regular files are read by several
 * threads (read-parallel.ts). `ingestDocument()` gives the same graph as its document text.
 */
import {documentText, serializeGraph, type DocumentHead} from '../graph/document.js'
import {mergeGraphs} from '../graph/merge.js'
import {createRoot, observedNodes} from '../graph/tree.js'
import {GRAPH_SCHEMA, type Root} from '../graph/types.js'
import {NamesWriter} from './document-names.js'
import {readInputs, type IngestOptions} from './read-inputs.js'
import {logGraph, type LogScan} from './read-log.js'
import type {IngestSummary} from './summary.js'

export type {IngestSummary, UnparsedLine} from './summary.js'
export type {SourceSummary} from '../graph/types.js'
export type {IngestOptions} from './read-inputs.js'

export interface IngestResult {
  tree: Root
  summary: IngestSummary
}

/**
 * Read every input and merge them into one graph.
 *
 * @param inputs Each is a dnsmasq log (plain or gzip), `-` for stdin, or a saved graph document (detected by content); all are merged into one graph.
 * @param options Client filter, progress callback, threads.
 * @returns The graph and a summary of what was read.
 * @throws AllowlistError (`exit: 'input'`) naming the input that cannot be read or parsed.
 */
export async function ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestResult> {
  let tree: Root | undefined
  const summary = await readInputs(inputs, options, (read) => {
    const graph = read.graph ?? logGraph(read.log)
    tree = tree ? mergeGraphs(tree, graph) : graph
  })
  tree ??= createRoot()
  summary.names = countQueried(tree)
  return {tree, summary}
}

/**
 * `ingest`, for when only the graph's document is wanted (`allowlist ingest -o`): the text
 * `serializeGraph` gives for the graph `ingest` builds. A single log's document is written
 * straight from its scan, without building the graph at all.
 *
 * @returns The document (UTF-8) and the summary.
 */
export async function ingestDocument(
  inputs: string[],
  options: IngestOptions = {},
): Promise<{document: string | Uint8Array; summary: IngestSummary}> {
  let tree: Root | undefined
  let single: LogScan | undefined
  // A single log's slices are merged as they arrive, while the others are still being read.
  const writer = inputs.length === 1 ? new NamesWriter() : undefined
  const summary = await readInputs(
    inputs,
    options,
    (read) => {
      if (writer && read.log) single = read.log
      else {
        const graph = read.graph ?? logGraph(read.log)
        tree = tree ? mergeGraphs(tree, graph) : graph
      }
    },
    writer && ((index, state) => writer.add(index, state)),
  )
  if (writer && single) {
    const written = writer.finish(single)
    if (written) {
      summary.names = written.queried
      const head: DocumentHead = {schema: GRAPH_SCHEMA, runs: 1, sources: [single.source]}
      return {document: documentText(head, written.names), summary}
    }
    tree = logGraph(single)
  }
  tree ??= createRoot()
  summary.names = countQueried(tree)
  return {document: serializeGraph(tree), summary}
}

/** Names asked for in query lines: observed names with a query count. */
function countQueried(tree: Root): number {
  let names = 0
  for (const node of observedNodes(tree)) {
    if (Object.keys(node.data.observation.queries).length > 0) names++
  }
  return names
}
