/**
 * Where a command that produces a graph (`ingest`, `merge`) puts it: the `-o` file, written
 * atomically, or stdout. Under `--json` stdout carries the summary object instead, so the graph
 * is then written only with `-o`.
 */
import {Flags, type Command} from '@oclif/core'
import {serializeGraph} from '../graph/document.js'
import type {Root} from '../graph/types.js'
import {writeOutputFile} from '../fs/output-error.js'

/**
 * The `--output` / `-o` flag of a graph-producing command.
 *
 * @param description Its help line.
 * @returns The flag definition.
 */
export function graphOutputFlag(description: string) {
  return Flags.string({char: 'o', description})
}

/**
 * Write a graph to `output`, or print it to stdout when there is no `output` (or it is `-`) and
 * `--json` is off.
 *
 * @param command The running command (for `log` and `jsonEnabled`).
 * @param graph The graph, or its document already serialised (`ingestDocument`).
 * @param output The `-o` value.
 * @returns Nothing; rejects with the "output cannot be written" error.
 */
export async function emitGraph(
  command: Pick<Command, 'jsonEnabled' | 'log'>,
  graph: Root | string | Uint8Array,
  output: string | undefined,
): Promise<void> {
  const toFile = output !== undefined && output !== '-'
  if (!toFile && command.jsonEnabled()) return
  const document =
    typeof graph === 'string' || graph instanceof Uint8Array ? graph : serializeGraph(graph)
  if (toFile) await writeOutputFile(output, document)
  else command.log(Buffer.from(document).toString('utf8').trimEnd())
}
