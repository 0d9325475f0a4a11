import {execFileSync} from 'node:child_process'
import {createReadStream} from 'node:fs'
import {readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {text} from 'node:stream/consumers'
import {describe, expect, it} from 'vitest'
import {outputError, writeOutputFile} from '../../src/fs/output-error.js'
import {writeFileAtomic} from '../../src/fs/write-atomic.js'
import {requireProgram} from '../support/programs.js'
import {useTempDir} from '../support/temp-dir.js'

describe('writeFileAtomic', () => {
  const directory = useTempDir('allowlist-write-atomic-')

  it('should replace a regular file and leave no temporary file', async () => {
    const target = join(directory.path, 'list.txt')
    await writeFile(target, 'old\n')
    await writeFileAtomic(target, 'new\n')
    expect(await readFile(target, 'utf8')).toBe('new\n')
    expect(await readdir(directory.path)).toEqual(['list.txt'])
  })

  it('should write through a FIFO instead of renaming a file over it', async () => {
    requireProgram('mkfifo', 'coreutils')
    const fifo = join(directory.path, 'pipe')
    execFileSync('mkfifo', [fifo])
    const received = text(createReadStream(fifo))
    await writeFileAtomic(fifo, 'through the pipe\n')
    expect(await received).toBe('through the pipe\n')
    expect((await stat(fifo)).isFIFO()).toBe(true)
    expect(await readdir(directory.path)).toEqual(['pipe'])
  })

  it('should write through a character device such as /dev/null', async () => {
    await writeFileAtomic('/dev/null', 'discarded\n')
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true)
  })
})

describe('writeOutputFile', () => {
  const directory = useTempDir('allowlist-write-output-')

  it('should fail with the output error naming the file', async () => {
    const target = join(directory.path, 'missing', 'list.txt')
    const failure = writeOutputFile(target, 'x\n')
    await expect(failure).rejects.toThrow(new RegExp(`^Cannot write \`${target}\`: ENOENT`))
    await expect(failure).rejects.toMatchObject({exit: 'output', file: target})
  })

  it('should let the caller name the target in the message', () => {
    const error = outputError('/x', new Error('boom'), 'the job summary `/x`')
    expect(error.message).toBe('Cannot write the job summary `/x`: boom')
    expect(error).toMatchObject({exit: 'output', file: '/x'})
  })
})
