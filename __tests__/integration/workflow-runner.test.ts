// Proves the local workflow runner on test-only fixtures before the real action exists.
import { execFileSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evalCondition, evalTemplate, type Scope } from '../support/workflow-eval.js'
import { expandMatrix, parseFileCommands, runWorkflow, topoOrder } from '../support/workflow-runner.js'

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'workflows')
const tmp = mkdtempSync(join(tmpdir(), 'wf-runner-test-'))
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim()

let origin: string
let firstSha: string
let server: Server
let backendUrl: string
const backendHits: string[] = []

beforeAll(async () => {
  origin = join(tmp, 'origin.git')
  const seed = join(tmp, 'seed')
  mkdirSync(seed)
  git(tmp, 'init', '--quiet', '--bare', '--initial-branch=main', origin)
  git(seed, 'init', '--quiet', '--initial-branch=main')
  writeFileSync(join(seed, 'README.md'), 'first\n')
  git(seed, 'add', '.')
  git(seed, 'commit', '--quiet', '-m', 'first')
  firstSha = git(seed, 'rev-parse', 'HEAD')
  writeFileSync(join(seed, 'README.md'), 'second\n')
  git(seed, 'commit', '--quiet', '-am', 'second')
  git(seed, 'push', '--quiet', origin, 'main')
  // Stands in for the results backend / fake GitHub that share this process with the runner.
  server = createServer((req, res) => {
    backendHits.push(req.url ?? '')
    res.end(`seen ${req.url}`)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  backendUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
  rmSync(tmp, { recursive: true, force: true })
})

const runFixture = (inputs: Record<string, unknown>, extra: Partial<Parameters<typeof runWorkflow>[0]> = {}) =>
  runWorkflow({
    workflowFile: join(fixtures, 'needs-matrix.yml'),
    inputs,
    originRepo: origin,
    actionDir: join(tmp, 'no-action'),
    workDir: mkdtempSync(join(tmp, 'run-')),
    secrets: { FAKE_KEY: 'fake-secret-value-123' },
    ...extra
  })

describe('runWorkflow on run:-only fixtures', () => {
  it('runs needs in order, a matrix from fromJSON with fresh workspaces and job ids, and collects outputs', async () => {
    const ids: number[] = []
    const report = await runFixture({ tasks: 'a b c' }, { env: (jobId) => (ids.push(jobId), { FIXTURE_JOB_ID: String(jobId) }) })
    expect(report.order).toEqual(['plan', 'work', 'after-work', 'report'])
    const { plan, work } = report.jobs
    expect(plan.result).toBe('success')
    expect(JSON.parse(plan.outputs.legs)).toEqual(['a', 'b', 'c'])
    expect(plan.outputs.notes).toBe('line one\nline two')
    expect(plan.legs[0].log).toContain('hello from plan') // workflow env from an input default + GITHUB_ENV
    expect(plan.legs[0].log).toContain('token is ***')
    expect(plan.legs[0].log).not.toContain('generated-')
    expect(plan.legs[0].log).toContain('fixture tool ran') // GITHUB_PATH
    expect(work.result).toBe('success')
    expect(work.legs.map((l) => l.matrix)).toEqual([{ leg: 'a' }, { leg: 'b' }, { leg: 'c' }])
    expect(new Set(work.legs.map((l) => l.workspace)).size).toBe(3)
    expect(new Set(work.legs.map((l) => l.jobId)).size).toBe(3)
    expect(ids).toEqual([1, 2, 3, 4, 5, 6])
    expect(work.outputs.done).toBe('c')
    expect(work.legs[1].log).toContain('leg b in job work with key ***')
    expect(work.legs[1].log).not.toContain('fake-secret-value-123')
    expect(work.legs[1].log).not.toContain('cleanup after failure')
    expect(report.jobs['after-work'].result).toBe('success')
    expect(report.jobs.report.legs[0].summary).toBe('## success/success/success\n')
    expect(report.outputs.report).toBe('success/success/success')
  })

  it('a failing leg fails the job but not its siblings; dependents skip; if: always() still runs', async () => {
    const report = await runFixture({ tasks: 'a b c', 'fail-leg': 'b' })
    const { work } = report.jobs
    expect(work.legs.map((l) => l.result)).toEqual(['success', 'failure', 'success'])
    expect(work.result).toBe('failure')
    expect(work.legs[1].log).toContain('cleanup after failure')
    expect(work.legs[1].log).not.toContain('all good')
    expect(work.legs[1].log).toMatch(/failed with exit code 3/)
    expect(work.legs[0].log).toContain('all good')
    expect(report.jobs['after-work'].result).toBe('skipped')
    expect(report.outputs.report).toBe('success/failure/skipped')
  })

  it('the empty-matrix guard skips the job instead of failing', async () => {
    const report = await runFixture({ tasks: '' })
    expect(report.jobs.plan.outputs.count).toBe('0')
    expect(report.jobs.work).toMatchObject({ result: 'skipped', legs: [] })
    expect(report.outputs.report).toBe('success/skipped/skipped')
  })

  it('refuses a matrix of more than 256 legs before any leg runs, as GitHub does', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`).join(' ')
    const report = await runFixture({ tasks: names(257) })
    expect(report.jobs.plan.result).toBe('success')
    expect(report.jobs.work).toMatchObject({ result: 'failure', legs: [] })
    expect(report.jobs.work.error).toBe('job work: Strategy matrix result has 257 jobs, more than the 256 GitHub allows')
  })

  it('rejects missing required inputs and unknown inputs, as GitHub does', async () => {
    await expect(runFixture({})).rejects.toThrow(/input "tasks" is required/)
    await expect(runFixture({ tasks: 'a', typo: 1 })).rejects.toThrow(/unexpected input "typo"/)
  })
})

describe('runWorkflow with checkout and a JavaScript action', () => {
  const actionDir = join(tmp, 'action')
  beforeAll(() => {
    mkdirSync(join(actionDir, 'dist'), { recursive: true })
    writeFileSync(
      join(actionDir, 'action.yml'),
      `name: stand-in\ndescription: test\ninputs:\n  command:\n    required: true\n  who:\n    default: \${{ github.repository }}\n  token:\n    default: \${{ github.token }}\nruns:\n  using: node24\n  main: dist/index.js\n`
    )
    // Awaits a request to a server in the test process: hangs if the runner blocked the event loop (spawnSync).
    writeFileSync(
      join(actionDir, 'dist', 'index.js'),
      `const fs = require('node:fs')
const out = (k, v) => fs.appendFileSync(process.env.GITHUB_OUTPUT, k + '<<EOF_X\\n' + v + '\\nEOF_X\\n')
;(async () => {
  out('node', process.version)
  out('command', process.env.INPUT_COMMAND)
  out('who', process.env.INPUT_WHO + (process.env.INPUT_TOKEN ? ' with token' : ''))
  out('readme', fs.readFileSync('README.md', 'utf8').trim())
  out('backend', await (await fetch(process.env.BACKEND_URL + '/job/' + process.env.JOB_ID)).text())
  if (process.env.INPUT_COMMAND === 'fail') process.exitCode = 2
})()
`
    )
  })
  const run = (inputs: Record<string, unknown>) =>
    runWorkflow({
      workflowFile: join(fixtures, 'checkout-action.yml'),
      inputs,
      originRepo: origin,
      actionDir,
      workDir: mkdtempSync(join(tmp, 'run-')),
      repository: 'acme/widgets',
      env: (jobId) => ({ BACKEND_URL: backendUrl, JOB_ID: String(jobId) })
    })

  it('clones the origin, runs the action on Node 24 with inputs, defaults and per-job env', async () => {
    const report = await run({})
    const { build } = report.jobs
    expect(build.result, build.legs[0]?.log).toBe('success')
    expect(build.outputs).toEqual({
      node: expect.stringMatching(/^v24\./),
      command: 'plan',
      who: 'acme/widgets with token',
      readme: 'second',
      backend: 'seen /job/1'
    })
    expect(backendHits).toContain('/job/1')
    expect(build.legs[0].log).toContain('action said acme/widgets with token')
  })

  it('checks out the ref it is given, and reports a failing action', async () => {
    const report = await run({ ref: firstSha, command: 'fail' })
    const { build } = report.jobs
    expect(build.result).toBe('failure')
    expect(build.outputs.readme).toBe('first')
    expect(build.legs[0].log).not.toContain('action said')
  })
})

// A smoke run of the real reusable workflow with a stand-in action (the real one is the lead's end-to-end test):
// proves the workflow's own expressions: level guards, fromJSON(jobs)[k], !cancelled(), finalize's always().
describe('runWorkflow on workflows-examples/autopilot.yml with a stand-in action', () => {
  const actionDir = join(tmp, 'stand-in')
  const calls = join(tmp, 'calls.jsonl')
  beforeAll(() => {
    mkdirSync(join(actionDir, 'dist'), { recursive: true })
    writeFileSync(join(actionDir, 'action.yml'), readFileSync(join(fixtures, '..', '..', '..', 'action.yml'), 'utf8'))
    writeFileSync(
      join(actionDir, 'dist', 'index.js'),
      `const fs = require('node:fs')
const e = process.env
const out = (k, v) => fs.appendFileSync(e.GITHUB_OUTPUT, k + '=' + v + '\\n')
const head = fs.readFileSync('.git/HEAD', 'utf8').trim()
fs.appendFileSync(e.CALLS_FILE, JSON.stringify({ cmd: e.INPUT_COMMAND, task: e.INPUT_TASK, plan: e.INPUT_PLAN,
  levelJobs: e['INPUT_MAX-LEVEL-JOBS'], pr: e['INPUT_PR-TOKEN'], key: e.OPENAI_API_KEY || '', head }) + '\\n')
if (e.INPUT_COMMAND === 'plan') {
  out('level-count', '3')
  out('jobs', JSON.stringify([['a', 'b'], ['c'], ['d e'], [], [], [], [], []]))
  out('base', e.BASE_SHA)
}
if (e.INPUT_COMMAND === 'task' && e.INPUT_TASK === 'b') process.exitCode = 1
if (e.INPUT_COMMAND === 'finalize') { out('status', 'failed'); out('pull-request-url', 'http://example.invalid/pr/1') }
`
    )
  })

  it('plans, runs the three used levels (on after a failed leg), skips the rest, and finalizes', async () => {
    const report = await runWorkflow({
      workflowFile: join(fixtures, '..', '..', '..', 'workflows-examples', 'autopilot.yml'),
      inputs: { 'issue-number': 42 },
      eventName: 'issues',
      event: { issue: { number: 42 } },
      originRepo: origin,
      actionDir,
      workDir: mkdtempSync(join(tmp, 'run-')),
      secrets: { 'pr-token': 'fake-pr-token-value', OPENAI_API_KEY: 'fake-openai-key-value' },
      env: () => ({ CALLS_FILE: calls, BASE_SHA: firstSha })
    })
    const results = Object.fromEntries(Object.entries(report.jobs).map(([k, j]) => [k, j.result]))
    expect(results).toEqual({
      plan: 'success', 'level-1': 'failure', 'level-2': 'success', 'level-3': 'success', 'level-4': 'skipped',
      'level-5': 'skipped', 'level-6': 'skipped', 'level-7': 'skipped', 'level-8': 'skipped', finalize: 'success'
    })
    expect(report.jobs['level-1'].legs.map((l) => l.matrix)).toEqual([{ leg: 'a' }, { leg: 'b' }])
    expect(report.outputs).toEqual({ status: 'failed', 'pull-request-url': 'http://example.invalid/pr/1' })
    const seen = readFileSync(calls, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>)
    expect(seen.map((c) => `${c.cmd}:${c.task}`).sort()).toEqual(['finalize:', 'plan:', 'task:a', 'task:b', 'task:c', 'task:d e'])
    for (const c of seen) {
      expect(c.plan).toBe('42')
      expect(c.key !== '', c.cmd).toBe(c.cmd === 'task') // agent keys reach task jobs only
      expect(c.pr !== '', c.cmd).toBe(c.cmd === 'finalize') // the pr-token reaches finalize only
      if (c.cmd !== 'plan') expect(c.head).toBe(firstSha) // level jobs and finalize check out the plan's base
    }
    expect(seen.find((c) => c.cmd === 'plan')?.levelJobs).toBe('8')
  })
})

describe('runner pieces', () => {
  const scope: Scope = { contexts: { needs: { plan: { outputs: { jobs: '[["a b"],["c"]]', n: '2' } } } }, status: { success: true, failure: false, cancelled: false } }

  it('evaluates templates with types kept for whole expressions', () => {
    expect(evalTemplate('${{ fromJSON(needs.plan.outputs.jobs)[1] }}', scope)).toEqual(['c'])
    expect(evalTemplate('n=${{ needs.plan.outputs.n }}!', scope)).toBe('n=2!')
    expect(evalCondition('fromJSON(needs.plan.outputs.n) >= 2', scope)).toBe(true)
    expect(evalCondition('${{ always() }}', { ...scope, status: { success: false, failure: true, cancelled: false } })).toBe(true)
    expect(evalCondition("${{ needs.plan.outputs.n == '2' }}", { ...scope, status: { success: false, failure: true, cancelled: false } })).toBe(false)
  })

  it('expands matrices like GitHub, and rejects an empty vector', () => {
    expect(expandMatrix({ os: ['x', 'y'], n: [1, 2], exclude: [{ os: 'y', n: 2 }], include: [{ os: 'x', extra: true }, { os: 'z' }] })).toEqual([
      { os: 'x', n: 1, extra: true },
      { os: 'x', n: 2, extra: true },
      { os: 'y', n: 1 },
      { os: 'z' }
    ])
    expect(() => expandMatrix({ leg: [] })).toThrow(/does not contain any values/)
  })

  it('parses GITHUB_OUTPUT lines and heredocs, and orders jobs by needs', () => {
    expect(parseFileCommands('a=1=2\nb<<E\nx\ny\nE\n')).toEqual({ a: '1=2', b: 'x\ny' })
    expect(() => parseFileCommands('b<<E\nx\n')).toThrow(/no closing E/)
    expect(topoOrder({ c: { needs: ['b'] }, b: { needs: 'a' }, a: {} })).toEqual(['a', 'b', 'c'])
    expect(() => topoOrder({ a: { needs: ['b'] }, b: { needs: ['a'] } })).toThrow(/cycle: a -> b -> a/)
    expect(() => topoOrder({ a: { needs: ['nope'] } })).toThrow(/unknown job "nope"/)
  })
})
