/**
 * The list every file in `test/fixtures/lists/` writes (`.example.com`, `registry.npmjs.org`,
 * `foo.github.io`) and names to probe it with: look-alikes, subdomains of exact names, parents.
 * The parser tests and the real-consumer tests share this table, so the matcher is held to what
 * Squid, dnsmasq, pactester … actually do.
 */
import {fileURLToPath} from 'node:url'

export const LIST_FIXTURES = fileURLToPath(new URL('../fixtures/lists/', import.meta.url))

/** Names allowed by the list `.example.com`, `registry.npmjs.org`, `foo.github.io`. */
export const ALLOWED = ['example.com', 'a.b.example.com', 'registry.npmjs.org', 'foo.github.io']

/** Names that list must block. */
export const BLOCKED = [
  'notexample.com',
  'example.com.evil.net',
  'x.registry.npmjs.org',
  'npmjs.org',
  'bar.github.io',
  'x.foo.github.io',
  'github.io',
  'unlisted.org',
]

export const PROBES = [...ALLOWED, ...BLOCKED]
