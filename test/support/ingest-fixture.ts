/**
 * Helpers for tests that ingest the bundled fixtures: the list of cases and a graph document
 * with the fields that legitimately differ between shapes of the same capture taken out.
 */
import {readdirSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {graphToDocument} from '../../src/graph/document.js'
import type {Root} from '../../src/graph/types.js'

export const FIXTURES = 'fixtures'

/** Every `fixtures/<case>/` that holds a `dns.log`. */
export function fixtureCases(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => existsSync(join(FIXTURES, name, 'dns.log')))
    .sort()
}

/**
 * The document without `sources`, and with each place's file replaced by `LOG`: the same
 * queries read from another file (or stdin) must give exactly this.
 */
export function comparableDocument(root: Root): unknown {
  const document = graphToDocument(root)
  for (const observation of Object.values(document.names)) {
    observation.places = observation.places.map((place) => ({...place, file: 'LOG'}))
  }
  return {...document, sources: undefined}
}
