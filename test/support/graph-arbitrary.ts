/**
 * fast-check generators for graphs whose observations obey the documented invariants (sorted,
 * duplicate-free arrays, at most 8 raw names, one place per file), for merge and round-trip
 * properties.
 */
import fc from 'fast-check'
import {createRoot, ensureNode} from '../../src/graph/tree.js'
import {OUTCOMES, type Observation, type Root, type SourceSummary} from '../../src/graph/types.js'

const label = fc.constantFrom('a', 'b', 'c', 'example', 'com', 'net', 'xn--bcher-kva', '_tcp')
const name = fc.array(label, {minLength: 1, maxLength: 3}).map((labels) => labels.join('.'))
const type = fc.constantFrom('A', 'AAAA', 'HTTPS', 'type=65', 'MX')
const sortedSet = (item: fc.Arbitrary<string>, maxLength = 4) =>
  fc.uniqueArray(item, {maxLength}).map((values) => [...values].sort())
const time = fc
  .tuple(
    fc.integer({min: 1, max: 12}),
    fc.integer({min: 1, max: 28}),
    fc.integer({min: 0, max: 86_399}),
  )
  .map(([month, day, seconds]) => {
    const pad = (value: number) => String(value).padStart(2, '0')
    return `--${pad(month)}-${pad(day)}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`
  })

export const observationArbitrary: fc.Arbitrary<Observation> = fc
  .record({
    queries: fc.dictionary(type, fc.integer({min: 1, max: 5})),
    outcomes: fc.dictionary(
      type,
      fc.dictionary(fc.constantFrom(...OUTCOMES), fc.integer({min: 1, max: 5})),
    ),
    v4: sortedSet(fc.constantFrom('192.0.2.1', '192.0.2.2', '198.51.100.7')),
    v6: sortedSet(fc.constantFrom('2001:db8::1', '2001:db8::2')),
    cnameTo: sortedSet(name),
    cnameFrom: sortedSet(name),
    clients: sortedSet(fc.constantFrom('10.0.0.1', '10.0.0.2', 'builder')),
    seen: fc.option(fc.tuple(time, time)),
    places: fc.uniqueArray(
      fc.record({
        file: fc.constantFrom('a.log', 'b.log', '-'),
        line: fc.integer({min: 1, max: 500}),
      }),
      {selector: (place) => place.file, maxLength: 3},
    ),
    rawNames: sortedSet(fc.string({maxLength: 6}), 8),
    runs: fc.integer({min: 1, max: 4}),
  })
  .map((value) => {
    const observation: Observation = {
      queries: value.queries,
      outcomes: value.outcomes,
      addresses: {v4: value.v4, v6: value.v6},
      cnameTo: value.cnameTo,
      cnameFrom: value.cnameFrom,
      clients: value.clients,
      places: [...value.places].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
      rawNames: value.rawNames,
      runs: value.runs,
    }
    if (value.seen) {
      const [first, last] = [...value.seen].sort()
      observation.firstSeen = first as string
      observation.lastSeen = last as string
    }
    return observation
  })

const sourceArbitrary: fc.Arbitrary<SourceSummary> = fc.record({
  file: fc.constantFrom('a.log', 'b.log', '-'),
  shape: fc.constantFrom('plain', 'extra', 'syslog', 'journald', 'empty'),
  gzip: fc.boolean(),
  lines: fc.nat(1000),
  queries: fc.nat(100),
  unparsed: fc.nat(10),
})

export const graphArbitrary: fc.Arbitrary<Root> = fc
  .record({
    names: fc.dictionary(name, observationArbitrary, {maxKeys: 6}),
    // One source at most: merged graphs list theirs in a canonical order, a lone one is in it.
    sources: fc.array(sourceArbitrary, {maxLength: 1}),
    runs: fc.integer({min: 1, max: 3}),
  })
  .map(({names, sources, runs}) => {
    const root = createRoot()
    for (const key of Object.keys(names).sort())
      ensureNode(root, key).data = {observation: names[key] as Observation}
    root.data = {runs, sources}
    return root
  })
