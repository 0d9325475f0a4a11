import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {AllowlistError} from '../../src/errors.js'
import {readList} from '../../src/capture/read-list.js'

let directory = ''
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'allowlist-list-'))
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

async function listFile(name: string, content: string): Promise<string> {
  const path = join(directory, name)
  await writeFile(path, content)
  return path
}

describe('readList', () => {
  it('should read plain and dstdomain lines with comments', async () => {
    const path = await listFile('plain.txt', '# header\nExample.com\n.deb.debian.org # mirrors\n\n')
    expect(await readList(path)).toEqual([
      {name: 'example.com', includesSubdomains: false},
      {name: 'deb.debian.org', includesSubdomains: true},
    ])
  })

  it('should read the squid format with its access rules', async () => {
    const path = await listFile(
      'squid.conf',
      '# allowlist\nacl allowlist dstdomain .a.org\nacl allowlist dstdomain b.net\nhttp_access allow allowlist\nhttp_access deny all\n',
    )
    expect(await readList(path)).toEqual([
      {name: 'a.org', includesSubdomains: true},
      {name: 'b.net', includesSubdomains: false},
    ])
  })

  it('should reject other lines with several words', async () => {
    const path = await listFile('squid-full.conf', 'a.org\ncache_dir ufs /var 100 16 256\n')
    await expect(readList(path)).rejects.toThrow(
      `${path}:2: Unexpected \`cache_dir ufs /var 100 16 256\`, expected one hostname a line or \`acl NAME dstdomain …\``,
    )
  })

  it('should read the json format', async () => {
    const path = await listFile(
      'list.json',
      JSON.stringify({entries: [{name: 'a.org', includesSubdomains: true}]}),
    )
    expect(await readList(path)).toEqual([{name: 'a.org', includesSubdomains: true}])
  })

  it('should name the file and line of a bad entry', async () => {
    const path = await listFile('bad.txt', 'ok.org\nbad;name\n')
    const error = (await readList(path).catch((caught: unknown) => caught)) as AllowlistError
    expect(error.message).toBe(`${path}:2: Unexpected \`bad;name\`, expected a hostname`)
    expect([error.exit, error.line]).toEqual(['input', 2])
  })
})
