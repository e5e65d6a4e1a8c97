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
import { runAutopilotWorkflow } from '../support/autopilot-workflow.js'
import { git, makeRepo, type LocalRepo } from '../support/local-repo.js'
import { addNpmProject, NPM_SETUP } from '../support/npm-project.js'

let backend: ResultsBackend
let fake: FakeGitHub
let r: LocalRepo
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
})

const results = (report: WorkflowReport) => Object.fromEntries(Object.entries(report.jobs).map(([k, j]) => [k, j.result]))
const logOf = (report: WorkflowReport, job: string) => report.jobs[job].legs.map((l) => l.log).join('\n')
const taskLegs = (report: WorkflowReport) =>
  Object.entries(report.jobs).filter(([k]) => k.startsWith('level-')).flatMap(([, j]) => j.legs)
const show = (f: string) => git(['show', `${branch}:out/${f}`], r.origin).trim()

/** Three independent tasks and one after `a`: each copies the setup's stamp and needs the installed package. */
function plan() {
  const step = (id: string) => `bash "$AUTOPILOT_PLAN_DIR/emit.sh" ${id} && cp node_modules/.stamp out/${id}.stamp`
  return {
    issue,
    gates: { 'allow-paths': ['out/**'] },
    setup: [NPM_SETUP],
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
