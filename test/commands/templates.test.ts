/**
 * `templates list` and `templates eject` through oclif (the built `dist/`), and eject's refusal
 * to overwrite checked on the real process exit code. An ejected, edited template then drives
 * `renderFormat` through `templateDir`.
 */
import {spawnSync} from 'node:child_process'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {runCommand} from '@oclif/test'
import {describe, expect, it} from 'vitest'
import {ExitCode} from '../../src/exit-codes.js'
import {builtinFormats} from '../../src/render/formats/index.js'
import {renderFormat} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'
import {useTempDir} from '../support/temp-dir.js'

describe('templates list', () => {
  it('should print every built-in format with its description and file name', async () => {
    const {stdout, error} = await runCommand(['templates', 'list'])
    expect(error).toBeUndefined()
    const lines = stdout.trimEnd().split('\n')
    expect(lines.map((line) => line.split(' ')[0])).toEqual([...builtinFormats.keys()].sort())
    expect(stdout).toMatch(/^squid +Squid dstdomain .*\(allowlist\.squid\.conf\)$/m)
  })

  it('should return the formats under --json', async () => {
    const {stdout} = await runCommand(['templates', 'list', '--json'])
    const {formats} = JSON.parse(stdout)
    expect(formats.find((format: {name: string}) => format.name === 'pac')).toEqual({
      name: 'pac',
      description: builtinFormats.get('pac')?.description,
      fileName: 'allowlist.pac',
      template: expect.stringMatching(/templates\/pac\/main\.hbs$/),
    })
  })

  it('should add the formats of a template directory and mark the ones it overrides', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'allowlist-list-'))
    try {
      for (const format of ['csv', 'squid', 'empty']) await mkdir(join(directory, format))
      await writeFile(join(directory, 'csv', 'main.hbs'), '{{#each entries}}{{name}}\n{{/each}}')
      await writeFile(join(directory, 'squid', 'main.hbs'), '{{#each domains}}{{this}}\n{{/each}}')
      const {stdout} = await runCommand(['templates', 'list', '--template-dir', directory])
      expect(stdout).toMatch(
        /^csv +Template without a format module .*\(csv\) \[.*csv\/main\.hbs\]$/m,
      )
      expect(stdout).toContain(`(allowlist.squid.conf) [${join(directory, 'squid', 'main.hbs')}]`)
      expect(stdout).toMatch(/^pac +.*\(allowlist\.pac\)$/m)
      expect(stdout).not.toMatch(/^empty/m)
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})

describe('templates eject', () => {
  const temp = useTempDir('allowlist-eject-')

  it('should copy every template and partial, and an edited copy should override the format', async () => {
    const directory = join(temp.path, 'tpl')
    const {stdout, error} = await runCommand(['templates', 'eject', directory])
    expect(error).toBeUndefined()
    expect(stdout).toContain(join(directory, 'nftables', 'set.hbs'))
    for (const format of builtinFormats.keys()) {
      expect(stdout).toContain(join(directory, format, 'main.hbs'))
    }
    const main = join(directory, 'squid', 'main.hbs')
    await writeFile(main, (await readFile(main, 'utf8')).replace('dstdomain', 'dstdomain -i'))
    const output = await renderFormat(allowListOf([entry('example.com')]), {
      format: 'squid',
      templateDir: directory,
    })
    expect(output).toContain('acl allowlist dstdomain -i example.com\n')
  })

  it('should eject only the formats asked for and return the files under --json', async () => {
    const {stdout} = await runCommand(['templates', 'eject', temp.path, '-f', 'pac', '--json'])
    expect(JSON.parse(stdout)).toEqual({
      directory: temp.path,
      files: [join(temp.path, 'pac', 'main.hbs')],
    })
  })

  it('should refuse to overwrite without --force, exiting with the output code', async () => {
    await runCommand(['templates', 'eject', temp.path, '-f', 'squid'])
    const main = join(temp.path, 'squid', 'main.hbs')
    await writeFile(main, 'edited\n')
    const refused = spawnSync(
      'node',
      ['bin/run.js', 'templates', 'eject', temp.path, '-f', 'squid'],
      {
        encoding: 'utf8',
      },
    )
    // oclif wraps and highlights errors for the terminal; read them as one plain line.
    const stderr = stripVTControlCharacters(refused.stderr).replace(/\s*\n\s*›\s+/g, ' ')
    expect(refused.status).toBe(ExitCode.output)
    expect(stderr).toContain(`Unexpected existing template \`${main}\``)
    expect(stderr).toContain('Pass --force to overwrite them.')
    expect(await readFile(main, 'utf8')).toBe('edited\n')
    const {error} = await runCommand(['templates', 'eject', temp.path, '-f', 'squid', '--force'])
    expect(error).toBeUndefined()
    expect(await readFile(main, 'utf8')).not.toBe('edited\n')
  })

  it('should reject an unknown format', async () => {
    const {error} = await runCommand(['templates', 'eject', temp.path, '-f', 'nope'])
    expect(error?.message).toMatch(/Unexpected format `nope`, expected one of .*`dnsmasq`/)
    expect(error?.oclif?.exit).toBe(ExitCode.usage)
  })
})
