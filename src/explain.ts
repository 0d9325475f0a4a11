/**
 * `explain`: read the inputs, apply the same policy `compile` would (same config, same
 * overrides) and say why one name is or is not on the list.
 */
import {resolveConfig, type ConfigSource} from './config/resolve.js'
import {ingest} from './ingest/index.js'
import {normalizeName} from './ingest/normalize-name.js'
import {explainName, type Explanation} from './policy/explain.js'

export type ExplainOptions = ConfigSource

/**
 * Explain one name.
 *
 * @param name The name to explain, spelled as in the log or as a user types it (any case,
 *   Unicode or punycode, trailing dot); it is keyed the way ingest keys names.
 * @param inputs Logs or graph documents, as for `compile`.
 * @param options Config and overrides, as for `compile`.
 * @returns Observations, CNAME chain, each rule's decision and the entry.
 */
export async function explain(
  name: string,
  inputs: readonly string[],
  options: ExplainOptions = {},
): Promise<Explanation> {
  const {policy} = await resolveConfig(options)
  const {tree} = await ingest([...inputs])
  return explainName(tree, normalizeName(name), policy)
}
