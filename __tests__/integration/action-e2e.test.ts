// The built action (dist/index.js on Node 24) end to end through the real reusable workflow: plan -> level matrix
// jobs -> finalize, with the real artifact/cache clients against the local results backend, a fake GitHub that
// validates every request against GitHub's OpenAPI, and a bare repository as origin. Issue #5's acceptance.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startResultsBackend, type ResultsBackend } from '../support/results-backend.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import type { WorkflowReport } from '../support/workflow-runner.js'
import { runAutopilotWorkflow } from '../support/autopilot-workflow.js'
import { git, makeRepo, subjects, type LocalRepo } from '../support/local-repo.js'


let backend: ResultsBackend
let fake: FakeGitHub
const repos: LocalRepo[] = []

beforeAll(async () => {
  backend = await startResultsBackend()
  // The workflow runner's GITHUB_REPOSITORY is octo-org/octo-repo, the fake's default.
  fake = await startFakeGitHub({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main', firstNumber: 1000 })
})
afterAll(async () => {
  await backend?.close()
  await fake?.close()
  for (const r of repos) r.cleanup()
})

/** A repository whose origin (what checkout clones, where the branch is pushed) holds `plan`. */
function repoWithPlan(plan: { issue: number; [k: string]: unknown }): LocalRepo {
  const r = makeRepo()
  repos.push(r)
  r.writePlan(plan)
  r.git(['push', '--quiet', 'origin', 'main'])
  return r
}

function runAutopilot(r: LocalRepo, issue: number, runId: number, inputs: Record<string, unknown> = {}): Promise<WorkflowReport> {
  return runAutopilotWorkflow({ repo: r, issue, runId, backend, fake, inputs })
}

const results = (report: WorkflowReport) => Object.fromEntries(Object.entries(report.jobs).map(([k, j]) => [k, j.result]))
/** Everything every leg of `job` printed. */
const logOf = (report: WorkflowReport, job: string) => report.jobs[job].legs.map((l) => l.log).join('\n')
const pullsOf = (issue: number) => fake.state.pulls.filter((p) => p.head === `autopilot/issue-${issue}`)
const commentsOf = (issue: number) => fake.state.comments.filter((c) => c.issueNumber === issue)
const originFiles = (r: LocalRepo, ref: string) =>
  git(['ls-tree', '-r', '--name-only', ref], r.origin).split('\n').filter((f) => f.startsWith('out/'))
/** The `| `id` | ... | <icon> <status> |` cell of a task in a rendered task table. */
const statusIn = (markdown: string, id: string) => new RegExp(`^\\| \`${id}\` \\|[^|]*\\| \\S+ (\\w+) \\|`, 'm').exec(markdown)?.[1]

/** a -> (b, c) -> d, each task writing inside its own `paths`. */
function diamond(issue: number) {
  return {
    issue,
    title: 'diamond through the action',
    tasks: [
      { id: 'a', name: 'Make a', paths: ['out/a.txt'], steps: [{ run: 'mkdir -p out && echo a > out/a.txt' }] },
      { id: 'b', name: 'Make b', needs: ['a'], paths: ['out/b.txt'], steps: [{ run: '{ cat out/a.txt; echo b; } > out/b.txt' }] },
      { id: 'c', name: 'Make c', needs: ['a'], paths: ['out/c.txt'], steps: [{ run: '{ cat out/a.txt; echo c; } > out/c.txt' }] },
      { id: 'd', name: 'Join', needs: ['b', 'c'], paths: ['out/d.txt'], steps: [{ run: 'cat out/b.txt out/c.txt > out/d.txt' }] }
    ]
  }
}

describe('the reusable workflow with the built action', () => {
  const issue = 51
  let r: LocalRepo
  let first: WorkflowReport

  beforeAll(async () => {
    r = repoWithPlan(diamond(issue))
    first = await runAutopilot(r, issue, 501)
  })

  it('plans three levels, runs each task in its own leg, finalizes, and hands back one PR and one comment', () => {
    expect(results(first), logOf(first, 'finalize')).toMatchObject({
      plan: 'success', 'level-1': 'success', 'level-2': 'success', 'level-3': 'success', 'level-4': 'skipped', finalize: 'success'
    })
    expect(first.jobs.plan.outputs['level-count']).toBe('3')
    expect(JSON.parse(first.jobs.plan.outputs.levels)).toEqual([['a'], ['b', 'c'], ['d']])
    expect(first.jobs['level-2'].legs.map((l) => l.matrix)).toEqual([{ leg: 'b' }, { leg: 'c' }])
    expect(first.outputs.status).toBe('succeeded')

    // One commit per task on autopilot/issue-<n> in origin, every task after its needs, with the expected files.
    const branch = `autopilot/issue-${issue}`
    const base = git(['rev-parse', 'main'], r.origin).trim()
    const subs = subjects(r.origin, base, branch)
    expect(subs).toHaveLength(4)
    expect(subs[0]).toMatch(/: a\)$/)
    expect(subs.slice(1, 3).map((s) => s.slice(-2)).sort()).toEqual(['b)', 'c)'])
    expect(subs[3]).toMatch(/: d\)$/)
    expect(git(['rev-list', '--count', `${base}..${branch}`], r.origin).trim()).toBe('4')
    expect(originFiles(r, branch)).toEqual(['out/a.txt', 'out/b.txt', 'out/c.txt', 'out/d.txt'])
    expect(git(['show', `${branch}:out/d.txt`], r.origin)).toBe('a\nb\na\nc\n')

    // One PR from the branch to the default branch; one marked comment that links it.
    const pulls = pullsOf(issue)
    expect(pulls).toHaveLength(1)
    expect(pulls[0]).toMatchObject({ base: 'main', state: 'open' })
    expect(first.outputs['pull-request-url']).toBe(`https://github.com/octo-org/octo-repo/pull/${pulls[0].number}`)
    for (const id of ['a', 'b', 'c', 'd']) expect(statusIn(pulls[0].body ?? '', id), id).toBe('succeeded')
    const comments = commentsOf(issue)
    expect(comments).toHaveLength(1)
    expect(comments[0].body.startsWith(`<!-- autopilot:issue-${issue} -->\n`)).toBe(true)
    expect(comments[0].body).toContain(first.outputs['pull-request-url'])

    // One artifact per task, named for issue, run, attempt and task.
    const names = backend.artifacts('501').map((a) => a.name)
    for (const id of ['a', 'b', 'c', 'd']) expect(names.filter((n) => n === `autopilot-${issue}-501-1-${id}`), id).toHaveLength(1)
    // And the run's own reports from finalize.
    expect(names).toContain(`autopilot-${issue}-501-1.logs`)
    expect(fake.invalidRequests()).toEqual([])
  })

  it('a second run reuses every task from the Actions cache and updates the same PR and comment', async () => {
    const pr = pullsOf(issue)[0]
    const comment = commentsOf(issue)[0]
    const firstRunArtifacts = backend.artifacts('501').map((a) => a.name)
    const headBefore = git(['rev-parse', `autopilot/issue-${issue}`], r.origin).trim()
    const second = await runAutopilot(r, issue, 502)
    expect(results(second), logOf(second, 'finalize')).toMatchObject({ plan: 'success', 'level-3': 'success', finalize: 'success' })

    expect(pullsOf(issue)).toHaveLength(1)
    expect(pullsOf(issue)[0].number).toBe(pr.number)
    expect(pullsOf(issue)[0].updatedAt >= pr.updatedAt).toBe(true)
    expect(commentsOf(issue)).toHaveLength(1)
    expect(commentsOf(issue)[0].id).toBe(comment.id)
    // Every task came from the cache: the PR body and the comment say so.
    for (const id of ['a', 'b', 'c', 'd']) {
      expect(statusIn(pullsOf(issue)[0].body ?? '', id), id).toBe('cached')
      expect(statusIn(commentsOf(issue)[0].body, id), id).toBe('cached')
    }
    const names = backend.artifacts('502').map((a) => a.name)
    for (const id of ['a', 'b', 'c', 'd']) expect(names, id).toContain(`autopilot-${issue}-502-1-${id}`)
    // The first run's artifacts are still there, untouched: artifacts belong to their run.
    expect(backend.artifacts('501').map((a) => a.name)).toEqual(firstRunArtifacts)
    // No step ran again.
    for (const job of ['level-1', 'level-2', 'level-3']) expect(logOf(second, job)).not.toMatch(/── step \d/)
    // Same commits (same base date, same patches): the branch did not move.
    expect(git(['rev-parse', `autopilot/issue-${issue}`], r.origin).trim()).toBe(headBefore)
    expect(fake.invalidRequests()).toEqual([])
  })
})

describe('a failing task', () => {
  const issue = 52
  let r: LocalRepo
  let report: WorkflowReport

  beforeAll(async () => {
    r = repoWithPlan({
      ...diamond(issue),
      tasks: diamond(issue).tasks.map((t) =>
        t.id === 'b' ? { ...t, steps: [{ run: 'echo b > out/b.txt' }, { name: 'explode', run: 'echo "boom"\nexit 3' }] } : t
      )
    })
    report = await runAutopilot(r, issue, 503)
  })

  it('still finalizes, reports the failing task and step, lands only the others and fails', () => {
    // Only the leg of the task that failed is red: d's leg (blocked) finishes green with a notice naming the cause.
    expect(results(report)).toMatchObject({ plan: 'success', 'level-1': 'success', 'level-2': 'failure', 'level-3': 'success', finalize: 'failure' })
    expect(logOf(report, 'level-3')).toContain('::notice title=autopilot%3A task d blocked::task d blocked: needs b, which failed;')
    expect(report.jobs['level-3'].result).toBe('success')
    // One annotation per failed task (blocked ones are not failures of their own), as @actions/core prints it:
    // properties percent-encoded, then the message; plus the one setFailed of the step.
    const annotations = logOf(report, 'finalize').split('\n').filter((l) => l.startsWith('::error'))
    expect(annotations).toEqual([
      '::error title=autopilot%3A task b failed::task b failed at step "explode": step 2 "explode" exited with 3 (expected 0)',
      '::error::autopilot #52: 2 task(s) did not land (b, d); status failed'
    ])
    expect(logOf(report, 'level-2')).toContain('::error title=autopilot%3A task b failed::')

    const comments = commentsOf(issue)
    expect(comments).toHaveLength(1)
    expect(comments[0].body.startsWith(`<!-- autopilot:issue-${issue} -->\n`)).toBe(true)
    expect(comments[0].body).toMatch(/`b` \*\*failed\*\* at step "explode"/)
    expect(statusIn(comments[0].body, 'd')).toBe('blocked')
    expect(statusIn(comments[0].body, 'c')).toBe('succeeded')

    // Nothing of b (or d) reaches the branch.
    const branch = `autopilot/issue-${issue}`
    expect(originFiles(r, branch)).toEqual(['out/a.txt', 'out/c.txt'])
    expect(subjects(r.origin, git(['rev-parse', 'main'], r.origin).trim(), branch)).toHaveLength(2)
    // What did land is offered for review as a draft.
    expect(pullsOf(issue)).toMatchObject([{ base: 'main', draft: true }])
    expect(fake.invalidRequests()).toEqual([])
  })
})

describe('dry-run: true', () => {
  // The step would touch a marker outside the repository. `sandbox: off` lets a step that runs reach it (the sandbox
  // would hide the host's temp folder, and then an absent marker would prove nothing); the run without dry-run at the
  // end shows the marker does appear when the step runs.
  const issue = 53
  const marker = path.join(mkdtempSync(path.join(tmpdir(), 'dry-run-marker-')), 'ran')
  let r: LocalRepo

  beforeAll(() => {
    r = repoWithPlan({
      issue,
      sandbox: 'off',
      tasks: [{ id: 'touch', paths: ['out/**'], steps: [{ run: `touch ${marker} && mkdir -p out && echo x > out/x.txt` }] }]
    })
  })
  afterAll(() => rmSync(path.dirname(marker), { recursive: true, force: true }))

  it('runs no step in any job and writes nothing: no branch, no pull request, no comment, no REST write', async () => {
    const writesBefore = fake.requests.filter((q) => q.method !== 'GET').length
    const report = await runAutopilot(r, issue, 504, { 'dry-run': true })
    expect(results(report), logOf(report, 'finalize')).toMatchObject({ plan: 'success', 'level-1': 'success', finalize: 'success' })
    expect(existsSync(marker)).toBe(false)
    expect(logOf(report, 'level-1')).toContain('dry run: this leg would run touch')
    expect(report.outputs.status).toBe('dry-run')
    expect(git(['branch', '--list', `autopilot/issue-${issue}`], r.origin).trim()).toBe('')
    expect(pullsOf(issue)).toEqual([])
    expect(commentsOf(issue)).toEqual([])
    expect(fake.requests.filter((q) => q.method !== 'GET').slice(writesBefore)).toEqual([])
    expect(backend.artifacts('504').map((a) => a.name).filter((n) => n.includes(`-${issue}-504-1-touch`))).toEqual([])
    expect(report.jobs.finalize.legs[0].summary).toContain('dry run')
  })

  it('the same plan without dry-run runs the step: the marker appears and the branch and PR are written', async () => {
    const report = await runAutopilot(r, issue, 505)
    expect(results(report), logOf(report, 'finalize')).toMatchObject({ plan: 'success', 'level-1': 'success', finalize: 'success' })
    expect(existsSync(marker)).toBe(true)
    expect(originFiles(r, `autopilot/issue-${issue}`)).toEqual(['out/x.txt'])
    expect(pullsOf(issue)).toHaveLength(1)
    expect(fake.invalidRequests()).toEqual([])
  })
})
