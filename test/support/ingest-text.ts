/**
 * Ingest a log given as text or bytes, through a real temporary file, and return the graph
 * document and summary: the shortest way to test one line shape explicitly.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {graphToDocument, type GraphDocument} from '../../src/graph/document.js'
import {ingest, type IngestOptions, type IngestSummary} from '../../src/ingest/index.js'

export async function ingestText(
  content: string | Uint8Array,
  options: IngestOptions = {},
): Promise<{document: GraphDocument; summary: IngestSummary; file: string}> {
  const directory = await mkdtemp(join(tmpdir(), 'allowlist-ingest-'))
  try {
    const file = join(directory, 'dns.log')
    await writeFile(file, content)
    const {tree, summary} = await ingest([file], options)
    return {document: graphToDocument(tree), summary, file}
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

/** `Dec  4 10:00:00 dnsmasq[100]: ` + each message, one per line. */
export function plainLog(...messages: string[]): string {
  return messages.map((message) => `Dec  4 10:00:00 dnsmasq[100]: ${message}\n`).join('')
}
