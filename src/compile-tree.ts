/**
 * The part of `compile` after ingest: config, policy, then every requested format rendered from
 * the same allow-list (policy runs once), then written when a target is given. Split from
 * `compile` so a program that already holds a graph can skip reading logs.
 */
import type {VFile} from 'vfile'
import {resolveConfig, type ConfigSource} from './config/resolve.js'
import type {AllowList} from './graph/entry.js'
import type {Root} from './graph/types.js'
import {applyPolicy} from './policy/index.js'
import {outputFileName, renderFormat, writeOutputs, type RenderedOutput} from './render/index.js'

export interface CompileOptions extends ConfigSource {
  /** Formats to render (default `['plain']`). */
  formats?: readonly string[] | undefined
  /** Per-format options from flags, merged over the config's `formats.<name>`. */
  formatOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined
  /** Passed to `renderFormat`. */
  templateDir?: string | undefined
  templateFile?: string | undefined
  timestamp?: Date | undefined
  /** Write the single output to this file (`-o`). */
  output?: string | undefined
  /** Write each output into this directory under its format's file name (`--out-dir`). */
  outDir?: string | undefined
}

export interface CompileResult {
  allowList: AllowList
  /** Messages of every drop and rewrite (`file.messages`). */
  file: VFile
  /** One per requested format, in request order. */
  outputs: RenderedOutput[]
  /** Files written (empty when no `output`/`outDir`). */
  written: string[]
  /** The config file used, if any. */
  configFile: string | undefined
}

/**
 * Apply the policy to a graph and render it.
 *
 * @param tree The domain graph (decisions are recorded on it).
 * @param inputs The inputs it came from, for `meta.inputs`.
 * @param options Formats, config, targets.
 * @returns The allow-list, messages and rendered outputs.
 */
export async function compileTree(
  tree: Root,
  inputs: readonly string[],
  options: CompileOptions = {},
): Promise<CompileResult> {
  const {policy, formats, configFile} = await resolveConfig(options)
  const {allowList, file} = applyPolicy(tree, policy, {inputs})
  const outputs: RenderedOutput[] = []
  for (const format of options.formats ?? ['plain']) {
    const content = await renderFormat(allowList, {
      format,
      formatOptions: {...formats[format], ...options.formatOptions?.[format]},
      templateDir: options.templateDir,
      templateFile: options.templateFile,
      timestamp: options.timestamp,
    })
    outputs.push({format, fileName: outputFileName(format, options.templateFile), content})
  }
  const written =
    options.output !== undefined || options.outDir !== undefined
      ? await writeOutputs(outputs, {output: options.output, outDir: options.outDir})
      : []
  return {allowList, file, outputs, written, configFile}
}
