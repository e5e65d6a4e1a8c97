// Issue 13 on the Actions path, through the reusable workflow with the built action: the plan job runs the plan's
// setup once and saves its layer to the (real) Actions cache; every task job restores it instead of installing,
// each task's check sees the dependency, no diff holds node_modules; a second workflow run installs nothing.
// Plan-folder files reach the task jobs too ($AUTOPILOT_PLAN_DIR, uncommitted in the plan's folder is not
// possible on Actions: the checkout is the commit, so the helper script is committed there).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startResultsBackend, type ResultsBackend } from '../support/results-backend.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import type { WorkflowReport } from '../support/workflow-runner.js'
import { AUTOPILOT_WORKFLOW, runAutopilotWorkflow } from '../support/autopilot-workflow.js'
import { runWorkflow } from '../support/workflow-runner.js'
import { mkdtempSync } from 'node:fs'
import { projectRoot } from '../support/local-repo.js'
import { git, makeRepo, type LocalRepo } from '../support/local-repo.js'
import { addNpmProject, NPM_SETUP } from '../support/npm-project.js'

let backend: ResultsBackend
let fake: FakeGitHub
let r: LocalRepo
let missRepo: LocalRepo | undefined
const issue = 61
const branch = `autopilot/issue-${issue}`

beforeAll(async () => {
  backend = await startResultsBackend()
  fake = await startFakeGitHub({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main', firstNumber: 1000 })
})
afterAll(async () => {
  await backend?.close()
  await fake?.close()
  r?.cleanup()
  missRepo?.cleanup()
})

const results = (report: WorkflowReport) => Object.fromEntries(Object.entries(report.jobs).map(([k, j]) => [k, j.result]))
const logOf = (report: WorkflowReport, job: string) => report.jobs[job].legs.map((l) => l.log).join('\n')
const taskLegs = (report: WorkflowReport) =>
  Object.entries(report.jobs).filter(([k]) => k.startsWith('level-')).flatMap(([, j]) => j.legs)
const show = (f: string, repo = r, b = branch) => git(['show', `${b}:out/${f}`], repo.origin).trim()

/** Three independent tasks and one after `a`: each copies the setup's stamp and needs the installed package. */
function plan(issue = 61, setup: { name: string; run: string } = NPM_SETUP) {
  const step = (id: string) => `bash "$AUTOPILOT_PLAN_DIR/emit.sh" ${id} && cp node_modules/.stamp out/${id}.stamp`
  return {
    issue,
    gates: { 'allow-paths': ['out/**'] },
    setup: [setup],
    tasks: [
      ...['a', 'b', 'c'].map((id) => ({ id, steps: [{ run: step(id) }], checks: ["node -e \"require('pad-local')\""] })),
      { id: 'd', needs: ['a'], steps: [{ run: step('d') }], checks: ["node -e \"require('pad-local')\""] }
    ]
  }
}

describe('setup on the Actions path', () => {
  let first: WorkflowReport
  let base: string

  beforeAll(async () => {
    r = addNpmProject(makeRepo())
    r.writePlan(plan())
    writeFileSync(path.join(r.repo, '.ai/plans', String(issue), 'emit.sh'), 'mkdir -p out && node -p "require(\'./src/index.js\')" > "out/$1.txt"\n')
    r.git(['add', '-A'])
    r.git(['commit', '-qm', 'plan'])
    r.git(['push', '--quiet', 'origin', 'main'])
    base = git(['rev-parse', 'main'], r.origin).trim()
    first = await runAutopilotWorkflow({ repo: r, issue, runId: 601, backend, fake })
  }, 240_000)

  it('runs setup once in the plan job; every task job restores the layer, sees the dependency, and no diff holds it', () => {
    expect(results(first), logOf(first, 'finalize')).toMatchObject({ plan: 'success', 'level-1': 'success', 'level-2': 'success', finalize: 'success' })
    expect(logOf(first, 'plan')).toContain('setup: step 1 "install"')
    expect(logOf(first, 'plan')).toContain('setup: kept layer')
    expect(logOf(first, 'plan')).not.toContain('was not saved to the Actions cache')
    const legs = taskLegs(first).filter((l) => l.log.includes('task '))
    expect(legs.length).toBe(4)
    for (const leg of legs) {
      expect(leg.log, JSON.stringify(leg.matrix)).toContain('setup: reused the kept layer')
      expect(leg.log, JSON.stringify(leg.matrix)).not.toContain('setup: step 1')
    }
    // One install: every task saw the same stamp, and the package (its own code and its check).
    const stamps = ['a', 'b', 'c', 'd'].map((id) => show(`${id}.stamp`))
    expect(stamps[0]).toMatch(/^\d+n$/)
    expect(new Set(stamps).size).toBe(1)
    expect(['a', 'b', 'c', 'd'].map((id) => show(`${id}.txt`))).toEqual(['--x', '--x', '--x', '--x'])
    const touched = git(['log', '--name-only', '--format=', `${base}..${branch}`], r.origin).split('\n').filter(Boolean)
    expect(touched.some((f) => f.includes('node_modules'))).toBe(false)
    expect(touched.sort()).toEqual(['a', 'b', 'c', 'd'].flatMap((id) => [`out/${id}.stamp`, `out/${id}.txt`]).sort())
  })

  it('a second workflow run restores the layer from the cache: nothing installed, the same stamp', async () => {
    const stamp = show('a.stamp')
    const second = await runAutopilotWorkflow({ repo: r, issue, runId: 602, backend, fake })
    expect(results(second), logOf(second, 'finalize')).toMatchObject({ plan: 'success', 'level-1': 'success', finalize: 'success' })
    expect(logOf(second, 'plan')).toContain('setup: reused the kept layer')
    for (const leg of taskLegs(second)) expect(leg.log).not.toContain('setup: step 1')
    expect(show('a.stamp')).toBe(stamp)
    expect(fake.invalidRequests()).toEqual([])
  }, 240_000)
})

describe('a task job that finds no layer in the cache', () => {
  it('runs setup itself with a warning (the plan job warned that its save failed), and its tasks still see the dependency', async () => {
    const issue = 62
    missRepo = addNpmProject(makeRepo())
    // Another setup (another key): nothing of the first describe's cache entry can serve it.
    missRepo.writePlan(plan(issue, { ...NPM_SETUP, run: `${NPM_SETUP.run}\n: miss` }))
    writeFileSync(path.join(missRepo.repo, '.ai/plans', String(issue), 'emit.sh'), 'mkdir -p out && node -p "require(\'./src/index.js\')" > "out/$1.txt"\n')
    missRepo.git(['add', '-A'])
    missRepo.git(['commit', '-qm', 'plan'])
    missRepo.git(['push', '--quiet', 'origin', 'main'])
    // Job 1 is the plan job: its cache service is unreachable, so its save fails; the task jobs reach the backend.
    const report = await runWorkflow({
      workflowFile: AUTOPILOT_WORKFLOW,
      inputs: { 'issue-number': issue },
      originRepo: missRepo.origin,
      actionDir: projectRoot,
      workDir: mkdtempSync(path.join(missRepo.root, 'run-611-')),
      runId: 611,
      githubApiUrl: fake.url,
      env: (jobId) => ({ ...backend.env(jobId, '611'), ...(jobId === 1 ? { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' } : {}) }),
      stepTimeoutMs: 60_000
    })
    expect(results(report), logOf(report, 'finalize')).toMatchObject({ plan: 'success', 'level-1': 'success', finalize: 'success' })
    expect(logOf(report, 'plan')).toContain('was not saved to the Actions cache; each task job will run setup itself')
    for (const leg of report.jobs['level-1'].legs) {
      expect(leg.log).toContain('the setup layer is not in the Actions cache')
      expect(leg.log).toContain('setup: step 1 "install"')
    }
    const b = `autopilot/issue-${issue}`
    expect(['a', 'b', 'c', 'd'].map((id) => show(`${id}.txt`, missRepo!, b))).toEqual(['--x', '--x', '--x', '--x'])
  }, 240_000)
})
