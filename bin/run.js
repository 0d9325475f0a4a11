#!/usr/bin/env node
// Reading a large log can start before the command line framework is loaded, which takes a
// fifth of a second or more (src/cli/read-ahead.ts); hence the import of @oclif/core after it.
import {readAheadFor} from '../dist/cli/read-ahead.js'

await readAheadFor(process.argv.slice(2))
const {execute} = await import('@oclif/core')
await execute({dir: import.meta.url})
