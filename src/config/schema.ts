/**
 * The configuration file's schema, in zod: the one source for validation, for the TypeScript type
 * and for the JSON Schema that `allowlist schema` prints and `schema/allowlist.config.schema.json`
 * ships, so editors complete and check the file. Unknown keys are errors: a misspelt key would
 * otherwise silently change nothing.
 */
import {z} from 'zod'
import {CNAME_TARGET_MODES} from '../policy/cname-targets.js'
import {COLLAPSE_MODES} from '../policy/collapse.js'
import {parsePattern} from '../policy/patterns.js'
import {hostnameProblem} from '../policy/names.js'
import {UPSTREAM_FAILURE_MODES} from '../policy/upstream-failure.js'

const PATTERN_HELP =
  'Name patterns: `example.com` (that name), `*.example.com` (names under it), `.example.com` or `**.example.com` (the domain and names under it).'

const pattern = z.string().superRefine((value, context) => {
  const parsed = parsePattern(value)
  if (typeof parsed === 'string') context.addIssue({code: 'custom', message: parsed})
})

const suffix = z.string().superRefine((value, context) => {
  const problem = hostnameProblem(value.replace(/^\.+/, ''))
  if (problem !== undefined) context.addIssue({code: 'custom', message: problem})
})

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema this file follows, for editors.'),
    collapse: z
      .enum(COLLAPSE_MODES)
      .optional()
      .describe(
        'How names become entries: `exact` (each name alone), `registrable` (its registrable domain with subdomains; default) or `auto` (registrable, but exact under multi-tenant and PSL private-section suffixes).',
      ),
    queryTypes: z
      .array(z.string().regex(/^[A-Za-z\d=-]+$/, 'expected a query type such as `A` or `type=65`'))
      .optional()
      .describe('Query types that lead to a connection. Default: `A`, `AAAA`, `HTTPS`, `SVCB`.'),
    include: z
      .array(pattern)
      .optional()
      .describe(`Names always allowed, observed or not. ${PATTERN_HELP}`),
    exclude: z
      .array(pattern)
      .optional()
      .describe(`Names never allowed; wins over everything. ${PATTERN_HELP}`),
    keep: z.array(pattern).optional().describe(`Names never collapsed. ${PATTERN_HELP}`),
    multiTenant: z
      .array(suffix)
      .optional()
      .describe(
        'Suffixes whose subdomains belong to different owners; with `collapse: auto` names under them stay exact.',
      ),
    dropSuffixes: z
      .array(suffix)
      .optional()
      .describe(
        'More suffixes to drop, besides the special-use ones (`lxd lan local home.arpa internal invalid test example localhost arpa`).',
      ),
    clients: z
      .array(z.string().min(1))
      .optional()
      .describe('Only names asked by these clients (IP addresses or instance names) count.'),
    cnameTargets: z
      .enum(CNAME_TARGET_MODES)
      .optional()
      .describe(
        'Names seen only as CNAME targets: `omit` (default; their addresses still reach the alias) or `include` (as exact entries).',
      ),
    upstreamFailures: z
      .enum(UPSTREAM_FAILURE_MODES)
      .optional()
      .describe(
        'Names whose only outcome was REFUSED or no reply: `keep` with a warning (default) or `drop`.',
      ),
    minRuns: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Keep only names seen in at least this many merged runs. Default: 1.'),
    formats: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .optional()
      .describe('Options per output format, keyed by format name (`squid`, `nftables`, …).'),
  })
  .describe('Configuration of allowlist (`allowlist.config.json`, `.allowlistrc`, …).')

/** A validated configuration. */
export type Config = z.infer<typeof configSchema>

/** The keys a config may have, in schema order (for "expected one of" messages). */
export const CONFIG_KEYS = Object.keys(configSchema.shape)

/**
 * The JSON Schema of the config file.
 *
 * @returns A JSON Schema (draft 2020-12) object.
 */
export function configJsonSchema(): Record<string, unknown> {
  const {$schema, ...rest} = z.toJSONSchema(configSchema)
  return {$schema, title: 'allowlist configuration', ...rest}
}

/** The JSON Schema as shipped and printed: two-space indented, final newline. */
export function configJsonSchemaText(): string {
  return JSON.stringify(configJsonSchema(), null, 2) + '\n'
}
