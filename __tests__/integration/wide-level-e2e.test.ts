// A level of 300 independent tasks through the real reusable workflow (workflows-examples/autopilot.yml) with the
// built action, the results backend and the fake GitHub: the plan job packs the level into at most 256 legs (GitHub's
// cap, which the runner enforces too), every leg runs its packed tasks, and finalize lands all 300 on one branch and
// opens the PR. The whole run starts 150 action processes and runs 300 tasks: about 9 CPU-minutes, 4.5 to 8 minutes
// on two cores. It is part of every `npm test` (and so of CI), because the 256-leg cap only matters at this width;
// AUTOPILOT_SKIP_WIDE_E2E=1 leaves it out of a quick local run. The first part checks the plan job and the level
// job's whole matrix with only its first and last packed legs run, so a failure there shows in seconds.
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startResultsBackend, type ResultsBackend } from '../support/results-backend.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { runAutopilotWorkflow } from '../support/autopilot-workflow.js'
import { MAX_MATRIX_LEGS, type WorkflowReport } from '../support/workflow-runner.js'
import { git, makeRepo, type LocalRepo } from '../support/local-repo.js'

const enabled = process.env.AUTOPILOT_SKIP_WIDE_E2E !== '1'
const issue = 90
const branch = `autopilot/issue-${issue}`
const ids = Array.from({ length: 300 }, (_, i) => `t${String(i).padStart(3, '0')}`)

/** A repository whose origin holds the 300-task plan, each task writing its own file. */
function wideRepo(): LocalRepo {
  const repo = makeRepo()
  repo.writePlan({ issue, tasks: ids.map((id) => ({ id, paths: [`out/${id}.txt`], steps: [{ run: `mkdir -p out && echo ${id} > out/${id}.txt` }] })) })
  repo.git(['push', '--quiet', 'origin', 'main'])
  return repo
}

/** The task ids of each leg of the level job's matrix (all of it, run or not). */
const legIds = (report: WorkflowReport) => (report.jobs['level-1'].matrix ?? []).map((m) => String(m.leg).split(' '))

function expectPackedLevel(report: WorkflowReport) {
  const legs = legIds(report)
  expect(legs.length).toBeLessThanOrEqual(MAX_MATRIX_LEGS)
  expect(legs.length).toBeLessThan(ids.length) // packed: several task ids per leg
  const packed = legs.flat()
  expect(packed).toHaveLength(ids.length)
  expect([...packed].sort()).toEqual(ids)
}

let backend: ResultsBackend
let fake: FakeGitHub
beforeAll(async () => {
  backend = await startResultsBackend()
  fake = await startFakeGitHub({ firstNumber: 1000 })
})
afterAll(async () => {
  await fake?.close()
  await backend?.close()
})

describe('a 300-task level through the workflow: the whole matrix, first and last legs run', () => {
  let repo: LocalRepo
  beforeAll(() => void (repo = wideRepo()))
  afterAll(() => repo?.cleanup())

  it('the plan job packs the level into at most 256 legs; a packed leg runs each of its tasks', async () => {
    const report = await runAutopilotWorkflow({
      repo, issue, runId: 902, backend, fake,
      pickLegs: (job, i, count) => job === 'plan' || (job === 'level-1' && (i === 0 || i === count - 1))
    })
    expect(report.jobs.plan.result, report.jobs.plan.legs[0]?.log).toBe('success')
    expectPackedLevel(report)
    const legs = legIds(report)
    const ran = [legs[0], legs[legs.length - 1]]
    expect(report.jobs['level-1'].legs.map((l) => String(l.matrix.leg).split(' '))).toEqual(ran)
    for (const leg of report.jobs['level-1'].legs) {
      expect(leg.result, leg.log.slice(-3000)).toBe('success')
      for (const id of String(leg.matrix.leg).split(' ')) expect(leg.log).toContain(`task ${id}: succeeded`)
    }
    const artifacts = backend.artifacts('902').map((a) => a.name).filter((n) => /^autopilot-90-902-1-t\d{3}$/.test(n))
    expect(artifacts.sort()).toEqual(ran.flat().map((id) => `autopilot-90-902-1-${id}`).sort())
    expect(report.jobs.finalize.result).toBe('skipped') // left out: it would report the 296 tasks that did not run
    expect(fake.invalidRequests()).toEqual([])
  }, 180_000)
})

describe.skipIf(!enabled)('a 300-task level through the workflow (several minutes; AUTOPILOT_SKIP_WIDE_E2E=1 skips it)', () => {
  let repo: LocalRepo
  let report: WorkflowReport

  beforeAll(async () => {
    repo = wideRepo()
    const started = Date.now()
    // max-parallel at the workflow's default (4). Finalize takes about a minute for 300 tasks on a busy machine.
    report = await runAutopilotWorkflow({ repo, issue, runId: 901, backend, fake, stepTimeoutMs: 600_000 })
    const legs = report.jobs['level-1'].legs.map((l) => l.durationMs)
    console.log(`300-task level: ${Math.round((Date.now() - started) / 1000)} s; ${legs.length} legs, ${Math.round(legs.reduce((a, b) => a + b, 0) / legs.length)} ms each on average; finalize ${report.jobs.finalize.legs[0]?.durationMs} ms`)
  }, 1_800_000)
  afterAll(() => repo?.cleanup())

  it('packs the level into at most 256 legs holding every task exactly once, and every leg succeeds', () => {
    const results = Object.fromEntries(Object.entries(report.jobs).map(([k, j]) => [k, j.result]))
    expect(results, report.jobs.finalize.legs[0]?.log.slice(-5000)).toEqual({
      plan: 'success', 'level-1': 'success', 'level-2': 'skipped', 'level-3': 'skipped', 'level-4': 'skipped',
      'level-5': 'skipped', 'level-6': 'skipped', 'level-7': 'skipped', 'level-8': 'skipped', finalize: 'success'
    })
    expectPackedLevel(report)
    const legs = report.jobs['level-1'].legs
    expect(legs).toHaveLength(legIds(report).length)
    for (const leg of legs) expect(leg.result, leg.log.slice(-2000)).toBe('success')
  })

  it('lands every task on one branch of the bare origin, one commit each, and opens one pull request', () => {
    const base = git(['rev-parse', 'main'], repo.origin).trim()
    expect(git(['rev-list', '--count', `${base}..${branch}`], repo.origin).trim()).toBe(String(ids.length))
    const files = git(['ls-tree', '-r', '--name-only', branch, 'out/'], repo.origin).trim().split('\n')
    expect(files).toEqual(ids.map((id) => `out/${id}.txt`))
    // Every file holds its own task's id: one `git cat-file --batch` instead of 300 processes.
    const contents = execFileSync('git', ['cat-file', '--batch'], {
      cwd: repo.origin, input: ids.map((id) => `${branch}:out/${id}.txt\n`).join(''), encoding: 'utf8'
    })
    expect(contents.split('\n').filter((l) => /^t\d{3}$/.test(l))).toEqual(ids)
    expect(report.outputs.status).toBe('succeeded')
    const pulls = fake.state.pulls.filter((p) => p.head === branch)
    expect(pulls).toMatchObject([{ base: 'main', state: 'open' }])
    expect(report.outputs['pull-request-url']).toBe(`https://github.com/octo-org/octo-repo/pull/${pulls[0].number}`)
    expect(fake.invalidRequests()).toEqual([])
  })
})
