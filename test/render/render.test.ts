import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {listFormats, outputFileName, renderFormat, writeOutputs} from '../../src/render/index.js'
import {allowListOf, entry} from '../support/allow-list.js'

const list = allowListOf([
  entry('example.com', {includesSubdomains: true, sources: ['a.example.com', 'example.com']}),
  entry('registry.npmjs.org', {addresses: {v4: ['104.16.3.35'], v6: []}}),
])

describe('renderFormat', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-render-'))
  })
  afterEach(async () => rm(directory, {recursive: true, force: true}))

  it('should render plain with a leading dot for domains that include subdomains', async () => {
    expect(await renderFormat(list, {format: 'plain'})).toBe('.example.com\nregistry.npmjs.org\n')
  })

  it('should render an empty plain list as an empty file', async () => {
    expect(await renderFormat(allowListOf([]), {format: 'plain'})).toBe('')
  })

  it('should render json with the schema, meta and entries', async () => {
    const document = JSON.parse(await renderFormat(list, {format: 'json'}))
    expect(document.schema).toBe('allowlist-list/1')
    expect(document.meta.inputs).toEqual(['dns.log'])
    expect(document.entries.map((item: {name: string}) => item.name)).toEqual([
      'example.com',
      'registry.npmjs.org',
    ])
    expect(document.entries[1].addresses.v4).toEqual(['104.16.3.35'])
  })

  it('should reject an unknown format naming the known ones', async () => {
    await expect(renderFormat(list, {format: 'nope'})).rejects.toThrow(
      /Unexpected format `nope`, expected one of .*`json`/,
    )
  })

  it('should reject options a format does not know', async () => {
    await expect(
      renderFormat(list, {format: 'plain', formatOptions: {wide: true}}),
    ).rejects.toThrow(
      'Unexpected value `true` for option `wide` of format `plain`, expected no options',
    )
  })

  it('should refuse an entry that is not a hostname before any template sees it', async () => {
    await expect(
      renderFormat(allowListOf([entry('evil.com\nhttp_access allow all')]), {format: 'plain'}),
    ).rejects.toThrow(TypeError)
  })

  it('should let a template directory override a built-in format with the same view', async () => {
    await mkdir(join(directory, 'plain'))
    await writeFile(
      join(directory, 'plain', 'main.hbs'),
      '{{#each lines}}allow {{this}}\n{{/each}}',
    )
    expect(await renderFormat(list, {format: 'plain', templateDir: directory})).toBe(
      'allow .example.com\nallow registry.npmjs.org\n',
    )
  })

  it('should add a format from a template directory alone, with partials and the generic view', async () => {
    await mkdir(join(directory, 'csv'))
    await writeFile(join(directory, 'csv', 'row.hbs'), '{{name}},{{includesSubdomains}}')
    await writeFile(
      join(directory, 'csv', 'main.hbs'),
      '{{comment header "# "}}{{#each entries}}{{> row}}\n{{/each}}',
    )
    const output = await renderFormat(list, {format: 'csv', templateDir: directory})
    expect(output.split('\n')).toEqual([
      '# allowlist 0.0.0-test (public suffix list: tldts 0.0.0)',
      '# inputs: dns.log',
      '# collapse: registrable; names observed 2, kept 2, dropped 0; entries 2',
      'example.com,true',
      'registry.npmjs.org,false',
      '',
    ])
  })

  it('should render a lone template file and add the final newline', async () => {
    const file = join(directory, 'names.txt.hbs')
    await writeFile(file, '{{#each entries}}{{name}} {{/each}}')
    expect(await renderFormat(list, {format: 'names', templateFile: file})).toBe(
      'example.com registry.npmjs.org \n',
    )
    expect(outputFileName('names', file)).toBe('names.txt')
  })

  it('should fail naming the template when it uses a field the view lacks', async () => {
    const file = join(directory, 'bad.hbs')
    await writeFile(file, '{{nosuchfield}}')
    await expect(renderFormat(list, {format: 'bad', templateFile: file})).rejects.toThrow(
      new RegExp(`Cannot render template \`${file}\`: "nosuchfield" not defined`),
    )
  })

  it('should keep control characters of input names out of header comments', async () => {
    await mkdir(join(directory, 'h'))
    await writeFile(join(directory, 'h', 'main.hbs'), '{{comment header "# "}}')
    const output = await renderFormat(allowListOf([], ['evil\nacl all src all*/.log']), {
      format: 'h',
      templateDir: directory,
    })
    expect(output).toContain('# inputs: evil?acl all src all*?.log\n')
    expect(output.split('\n').every((line) => line === '' || line.startsWith('# '))).toBe(true)
  })

  it('should add a generated line only when given a timestamp', async () => {
    const file = join(directory, 'h.hbs')
    await writeFile(file, '{{comment header "; "}}')
    const stamped = await renderFormat(list, {
      format: 'h',
      templateFile: file,
      timestamp: new Date(Date.UTC(2026, 11, 4)),
    })
    expect(stamped).toContain('; generated: 2026-12-04T00:00:00.000Z\n')
    expect(await renderFormat(list, {format: 'h', templateFile: file})).not.toContain('generated')
  })

  it('should list the built-in formats sorted by name', () => {
    const names = listFormats().map((format) => format.name)
    expect(names).toEqual([...names].sort())
    expect(names).toContain('plain')
    expect(names).toContain('json')
  })
})

describe('writeOutputs', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'allowlist-write-'))
  })
  afterEach(async () => rm(directory, {recursive: true, force: true}))

  it('should write each format under its file name in the output directory', async () => {
    const outDir = join(directory, 'out', 'nested')
    const paths = await writeOutputs(
      [
        {format: 'plain', fileName: 'allowlist.txt', content: 'a\n'},
        {format: 'json', fileName: 'allowlist.json', content: '{}\n'},
      ],
      {outDir},
    )
    expect(paths).toEqual([join(outDir, 'allowlist.txt'), join(outDir, 'allowlist.json')])
    expect(await readFile(join(outDir, 'allowlist.json'), 'utf8')).toBe('{}\n')
    expect((await readdir(outDir)).sort()).toEqual(['allowlist.json', 'allowlist.txt'])
  })

  it('should refuse several outputs for one file', async () => {
    const outputs = [
      {format: 'a', fileName: 'a', content: ''},
      {format: 'b', fileName: 'b', content: ''},
    ]
    await expect(writeOutputs(outputs, {output: join(directory, 'x')})).rejects.toThrow(
      /expected one \(use `--out-dir`/,
    )
  })

  it('should fail naming the path, keep what was there and leave no temporary file', async () => {
    // A non-empty directory cannot be replaced by a file: the final rename fails even for root.
    const target = join(directory, 'list.txt')
    await mkdir(target)
    await writeFile(join(target, 'keep'), 'old\n')
    const failure = writeOutputs([{format: 'plain', fileName: 'list.txt', content: 'new\n'}], {
      output: target,
    })
    await expect(failure).rejects.toThrow(new RegExp(`^Cannot write \`${target}\``))
    await expect(failure).rejects.toMatchObject({exit: 'output'})
    expect(await readFile(join(target, 'keep'), 'utf8')).toBe('old\n')
    expect(await readdir(directory)).toEqual(['list.txt'])
  })
})
