/**
 * The commented starter config that `allowlist init` writes: every key with its default or an
 * example, commented out where the default already applies, so the file documents itself.
 * YAML, because JSON cannot carry the comments.
 */

/** File name `allowlist init` writes. */
export const STARTER_CONFIG_FILE = 'allowlist.config.yaml'

/** The starter config's text. A test checks that it is valid. */
export const STARTER_CONFIG = `# yaml-language-server: $schema=./node_modules/allowlist/schema/allowlist.config.schema.json
# allowlist configuration. Every key is optional; the values shown are the defaults.

# How names become entries:
#   exact        each observed name on its own (registry.npmjs.org)
#   registrable  its registrable domain with all subdomains (.npmjs.org)
#   auto         registrable, but exact under multi-tenant and PSL private-section suffixes
collapse: registrable

# Query types that lead to a connection; names asked only with other types are dropped.
queryTypes: [A, AAAA, HTTPS, SVCB]

# Name patterns:
#   example.com      that name only
#   *.example.com    names under example.com, not example.com itself
#   .example.com     example.com and every name under it (also **.example.com)

# Always allowed, observed or not.
include: []
# Never allowed; wins over everything, including include and collapse.
exclude: []
# Never collapsed: listed exactly as observed.
keep: []

# Suffixes whose subdomains belong to different owners (collapse: auto keeps names exact).
multiTenant: []
# Suffixes to drop besides lxd, lan, local, home.arpa, internal, invalid, test, example,
# localhost and arpa (for instance your LXD network's dns.domain).
dropSuffixes: []

# Only names asked by these clients (IP addresses, or instance names of captures) count.
clients: []

# Names seen only as CNAME targets: omit (their addresses still reach the alias) or include.
cnameTargets: omit

# Names whose only outcome was REFUSED or no reply: keep (with a warning) or drop.
upstreamFailures: keep

# Keep only names seen in at least this many merged runs.
minRuns: 1

# Options per output format, keyed by format name.
formats: {}
`
