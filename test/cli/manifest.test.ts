/**
 * `npm run build` writes oclif.manifest.json so that a run loads only its own command. A
 * manifest that missed a command would hide it from the CLI: it must list exactly the command
 * files, with the flags they declare.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'

function commandIds(directory: string): string[] {
  return readdirSync(directory, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.ts'))
    .map((file) => relative(directory, join(directory, file)).slice(0, -3).split('/').join(':'))
    .sort()
}

describe('oclif manifest', () => {
  const manifest = JSON.parse(readFileSync('oclif.manifest.json', 'utf8')) as {
    commands: Record<string, {flags: Record<string, unknown>}>
  }

  it('should list every command file and nothing else', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual(commandIds('src/commands'))
  })

  it("should carry each command's flags, --json included", () => {
    expect(Object.keys(manifest.commands['ingest']?.flags ?? {}).sort()).toEqual(['json', 'output'])
  })
})
