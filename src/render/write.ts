/**
 * Writing rendered outputs: to one file (`-o`), or one file per format into a directory
 * (`--out-dir`). Everything is rendered before anything is written, and each file is replaced
 * atomically, so a failure never leaves a half-written list behind.
 */
import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {AllowlistError} from '../errors.js'
import {outputError, writeOutputFile} from '../fs/output-error.js'

export interface RenderedOutput {
  format: string
  /** File name under `--out-dir`. */
  fileName: string
  content: string
}

export interface OutputTarget {
  /** One file; only valid with a single output. */
  output?: string | undefined
  /** A directory receiving each output under its own file name; created when missing. */
  outDir?: string | undefined
}

/**
 * Write outputs to their target.
 *
 * @returns The paths written, in the order of `outputs`.
 */
export async function writeOutputs(
  outputs: readonly RenderedOutput[],
  target: OutputTarget,
): Promise<string[]> {
  if (target.output !== undefined && target.outDir !== undefined) {
    throw new AllowlistError('Unexpected `--output` with `--out-dir`, expected one of them', {
      exit: 'usage',
    })
  }
  if (target.output !== undefined) {
    if (outputs.length !== 1) {
      throw new AllowlistError(
        `Unexpected ${outputs.length} formats with \`--output\`, expected one (use \`--out-dir\` for several)`,
        {exit: 'usage'},
      )
    }
    await writeOutputFile(target.output, (outputs[0] as RenderedOutput).content)
    return [target.output]
  }
  if (target.outDir === undefined)
    throw new TypeError('writeOutputs: expected `output` or `outDir`')
  try {
    await mkdir(target.outDir, {recursive: true})
  } catch (error) {
    throw outputError(target.outDir, error)
  }
  const paths: string[] = []
  for (const rendered of outputs) {
    const path = join(target.outDir, rendered.fileName)
    await writeOutputFile(path, rendered.content)
    paths.push(path)
  }
  return paths
}
