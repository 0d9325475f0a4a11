/**
 * Reading graph documents back: the whole document is validated against its schema and the
 * file is named in every error; a loaded document rebuilds exactly the tree that was saved.
 */
import {readFile} from 'node:fs/promises'
import {z} from 'zod'
import {AllowlistError} from '../errors.js'
import {canonicalObservation, type GraphDocument} from './document.js'
import {createRoot, ensureNode} from './tree.js'
import {GRAPH_SCHEMA, OUTCOMES, type Observation, type Root} from './types.js'

const count = z.number().int().nonnegative()
const sortedStrings = z.array(z.string())
const outcome = z.enum(OUTCOMES)

const observationSchema = z.strictObject({
  queries: z.record(z.string(), count),
  outcomes: z.record(z.string(), z.partialRecord(outcome, count)),
  addresses: z.strictObject({v4: sortedStrings, v6: sortedStrings}),
  cnameTo: sortedStrings,
  cnameFrom: sortedStrings,
  clients: sortedStrings,
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  places: z.array(z.strictObject({file: z.string(), line: z.number().int().positive()})),
  rawNames: sortedStrings,
  runs: z.number().int().positive(),
})

const documentSchema = z.strictObject({
  schema: z.literal(GRAPH_SCHEMA),
  runs: count,
  sources: z.array(
    z.strictObject({
      file: z.string(),
      shape: z.enum(['plain', 'extra', 'syslog', 'journald', 'empty']),
      gzip: z.boolean(),
      lines: count,
      queries: count,
      unparsed: count,
    }),
  ),
  names: z.record(z.string().min(1), observationSchema),
})

/** Rebuild the tree from a validated document. */
export function documentToGraph(document: GraphDocument): Root {
  const root = createRoot()
  for (const name of Object.keys(document.names).sort()) {
    ensureNode(root, name).data = {
      observation: canonicalObservation(document.names[name] as Observation),
    }
  }
  root.data = {runs: document.runs, sources: document.sources.map((source) => ({...source}))}
  return root
}

/**
 * Parse and validate a document's text.
 *
 * @param text The JSON text.
 * @param file Named in error messages.
 * @returns The graph.
 * @throws AllowlistError (`exit: 'input'`) naming the file and the offending key path.
 */
export function parseGraph(text: string, file: string): Root {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new AllowlistError(
      `Unexpected content in \`${file}\`, expected a graph document (${(error as Error).message})`,
      {exit: 'input', file, cause: error},
    )
  }
  const result = documentSchema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    const path = issue ? issue.path.map((key) => String(key)).join('.') : ''
    throw new AllowlistError(
      `Unexpected value at \`${path || '(top level)'}\` in \`${file}\`, expected an ${GRAPH_SCHEMA} document: ${issue?.message ?? 'invalid'}`,
      {exit: 'input', file},
    )
  }
  return documentToGraph(result.data as GraphDocument)
}

/**
 * Read and validate a graph document.
 *
 * @param file Path to a document written by `saveGraph` (or `allowlist ingest -o`).
 * @returns The graph.
 * @throws AllowlistError (`exit: 'input'`) when the file cannot be read or is not a valid document.
 */
export async function loadGraph(file: string): Promise<Root> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new AllowlistError(`Cannot read \`${file}\`: ${(error as Error).message}`, {
      exit: 'input',
      file,
      cause: error,
    })
  }
  return parseGraph(text, file)
}
