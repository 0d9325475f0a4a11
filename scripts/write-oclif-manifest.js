// Writes oclif.manifest.json from the freshly built commands (run by `npm run build`).
// With the manifest, oclif loads only the command being run; without it, it imports every
// command (and so every dependency) to read their flags, which costs each run ~0.1 s.
// The file is rebuilt on every build and kept out of git, so it cannot go stale there.
import {writeFileSync} from 'node:fs'
import {Plugin} from '@oclif/core'

const plugin = new Plugin({
  root: process.cwd(),
  type: 'core',
  ignoreManifest: true,
  errorOnManifestCreate: true,
})
await plugin.load()
writeFileSync('oclif.manifest.json', `${JSON.stringify(plugin.manifest, undefined, 2)}\n`)
