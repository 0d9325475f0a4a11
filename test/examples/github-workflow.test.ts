/**
 * Runs the committed GitHub Actions workflow (`examples/github-workflow.yml`) on the fixture logs:
 * every `run:` step of both jobs executes verbatim with `bash -e`, as the runner does, with the
 * built CLI on PATH. Only two steps are stood in for: `install` (the build under test is used
 * instead of the npm package) and `capture` (which needs LXD and a network: the graph comes from
 * a fixture log captured the same way, and the step's flags are parsed by the real `capture`
 * command). Artifact upload/download become a copy into `graphs/`.
 */
import {spawnSync} from 'node:child_process'
import {chmod, copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {Parser} from '@oclif/core'
import Capture from '../../src/commands/capture.js'
import {runCli} from '../support/cli.js'
import {useTempDir} from '../support/temp-dir.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const WORKFLOW = join(ROOT, 'examples/github-workflow.yml')
/** One fixture log per matrix job, standing in for what `capture` would have logged. */
const CAPTURED_LOGS = ['fixtures/npm-install/dns.log', 'fixtures/pip-install/dns.log']

interface Step {
  id?: string
  run?: string
  uses?: string
  with?: Record<string, string>
}

interface Workflow {
  jobs: {
    capture: {steps: Step[]; strategy: {matrix: {image: string[]}}}
    gate: {steps: Step[]; needs: string}
  }
}

interface StepResult {
  id: string | undefined
  status: number
  stdout: string
  stderr: string
}

describe('examples/github-workflow.yml', () => {
  const files = useTempDir('allowlist-workflow-', {per: 'file'})
  let workflow: Workflow
  let bin: string

  beforeAll(async () => {
    workflow = parse(await readFile(WORKFLOW, 'utf8')) as Workflow
    bin = join(files.path, 'bin')
    await mkdir(bin)
    const shim = join(bin, 'allowlist')
    await writeFile(
      shim,
      `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/run.js')}" "$@"\n`,
    )
    await chmod(shim, 0o755)
  })

  /** Run a job's `run:` steps in `cwd` until one fails, as the runner does. */
  function runJob(
    steps: Step[],
    cwd: string,
    env: Record<string, string>,
    standIns: Record<string, () => void>,
  ): StepResult[] {
    const results: StepResult[] = []
    for (const step of steps) {
      if (step.run === undefined) continue
      if (step.id !== undefined && step.id in standIns) {
        ;(standIns[step.id] as () => void)()
        continue
      }
      const result = spawnSync('bash', ['-e', '-c', step.run], {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH ?? ''}`,
          OCLIF_COLUMNS: '1000',
          ...env,
        },
      })
      results.push({
        id: step.id,
        status: result.status ?? -1,
        stdout: result.stdout,
        stderr: result.stderr,
      })
      if (result.status !== 0) break
    }
    return results
  }

  /** The capture matrix, then the gate with `committedList` as allowlist.txt. */
  async function runWorkflow(name: string, committedList: string) {
    const gate = join(files.path, name)
    await mkdir(gate)
    for (const [index, log] of CAPTURED_LOGS.entries()) {
      const job = join(files.path, `${name}-capture-${index}`)
      await mkdir(job)
      const capture = runJob(
        workflow.jobs.capture.steps,
        job,
        {},
        {
          install: () => undefined,
          // What capture writes with -o: the graph of the instance's queries, as ingest reads them.
          capture: () =>
            expect(runCli(['ingest', join(ROOT, log), '-o', join(job, 'graph.json')]).status).toBe(
              0,
            ),
        },
      )
      // Every other step of the job ran and succeeded (none, today: capture writes the graph).
      expect(capture.filter((step) => step.status !== 0)).toEqual([])
      await mkdir(join(gate, 'graphs', `graph-${index}`), {recursive: true})
      await copyFile(join(job, 'graph.json'), join(gate, 'graphs', `graph-${index}`, 'graph.json'))
    }
    await copyFile(committedList, join(gate, 'allowlist.txt'))
    const summary = join(gate, 'summary.md')
    await writeFile(summary, '')
    const steps = runJob(
      workflow.jobs.gate.steps,
      gate,
      {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary},
      {install: () => undefined},
    )
    return {steps, summary: await readFile(summary, 'utf8')}
  }

  /** `allowlist compile LOG… -f plain -o FILE`: how the committed list was made. */
  function compileList(output: string, ...logs: string[]): string {
    const path = join(files.path, output)
    const result = runCli([
      'compile',
      ...logs.map((log) => join(ROOT, log)),
      '-f',
      'plain',
      '-o',
      path,
    ])
    expect(result.stderr).not.toMatch(/Error/)
    return path
  }

  it('should use expressions only in steps the test stands in for', () => {
    const jobs = [workflow.jobs.capture, workflow.jobs.gate]
    const withExpressions = jobs
      .flatMap((job) => job.steps)
      .filter((step) => step.run?.includes('${{'))
      .map((step) => step.id)
    expect(withExpressions).toEqual(['capture'])
    expect(workflow.jobs.capture.strategy.matrix.image).toHaveLength(CAPTURED_LOGS.length)
    expect(workflow.jobs.gate.needs).toBe('capture')
  })

  it('should call capture with flags the capture command accepts, writing the graph it uploads', async () => {
    const step = workflow.jobs.capture.steps.find((candidate) => candidate.id === 'capture')
    const image = workflow.jobs.capture.strategy.matrix.image[0] as string
    // The step is one simple command: words, single-quoted words and the matrix expression.
    const words = (step?.run ?? '')
      .replace("'${{ matrix.image }}'", image)
      .split(/\s+/)
      .filter((word) => word !== '')
    expect(words.slice(0, 2)).toEqual(['allowlist', 'capture'])
    const {flags, argv} = await Parser.parse(words.slice(2), {
      flags: Capture.flags,
      args: Capture.args,
      strict: Capture.strict,
    })
    expect(flags).toMatchObject({
      image,
      output: 'graph.json',
      push: ['./ci/build.sh:/root/build.sh'],
    })
    expect(argv).toEqual(['sh', '/root/build.sh'])
    // The graph the upload step ships is the one capture wrote.
    const upload = workflow.jobs.capture.steps.find((candidate) =>
      candidate.uses?.startsWith('actions/upload-artifact'),
    )
    expect(upload?.with?.path).toBe('graph.json')
  })

  it('should be quoted in README.md as it is', async () => {
    const docs = await readFile(join(ROOT, 'README.md'), 'utf8')
    const block = /### Use in CI[\s\S]*?```yaml\n([\s\S]*?)```/.exec(docs)?.[1]
    const quoted = parse(block ?? '') as {gate: {needs: string; steps: Step[]}}
    const {gate} = workflow.jobs
    expect(quoted.gate.needs).toBe(gate.needs)
    // The quote leaves out checkout, setup-node and install; the rest must be the file's steps.
    expect(quoted.gate.steps).toEqual(
      gate.steps.slice(gate.steps.length - quoted.gate.steps.length),
    )
    expect(quoted.gate.steps.length).toBeGreaterThanOrEqual(4)
  })

  it('should pass when the committed list allows every name the matrix needed', async () => {
    const list = compileList('complete.txt', ...CAPTURED_LOGS)
    const {steps, summary} = await runWorkflow('complete', list)
    expect(steps.map((step) => [step.id, step.status])).toEqual([
      ['merge', 0],
      ['diff', 0],
      ['check', 0],
    ])
    expect(summary).toContain('### ✅ allowlist check')
    expect(summary).toContain('No change')
  })

  it('should fail with a readable summary and annotations when a job needs a new name', async () => {
    const list = compileList('npm-only.txt', CAPTURED_LOGS[0] as string)
    const {steps, summary} = await runWorkflow('npm-only', list)
    expect(steps.map((step) => [step.id, step.status])).toEqual([
      ['merge', 0],
      ['diff', 0],
      ['check', 1],
    ])
    const check = steps[2] as StepResult
    expect(check.stdout).toMatch(
      /^::error file=allowlist\.txt,title=pypi\.python\.org would be blocked::/m,
    )
    expect(summary).toContain('### allowlist diff')
    expect(summary).toMatch(/\| `python\.org` \| added \| `[^`]*python\.org` \|/)
    expect(summary).toContain('### ❌ allowlist check')
    expect(summary).toContain('| `pypi.python.org` | `python.org` | no entry allows it |')
  })
})
