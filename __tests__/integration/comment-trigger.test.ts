// The comment trigger (workflows-examples/on-comment.yml) in the local workflow runner with the built action, the
// fake GitHub and the results backend: `/autopilot run` from a user with write access runs the plan through the
// reusable workflow and hands back the PR; from a read-only user nothing runs and a notice says why; the permission
// comes from GitHub's API, never from the comment.
import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startResultsBackend, type ResultsBackend } from '../support/results-backend.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { runWorkflow } from '../support/workflow-runner.js'
import { git, makeRepo, projectRoot, type LocalRepo } from '../support/local-repo.js'

const WORKFLOW = path.join(projectRoot, 'workflows-examples', 'on-comment.yml')
const issue = 71
let backend: ResultsBackend
let fake: FakeGitHub
let repo: LocalRepo

beforeAll(async () => {
  backend = await startResultsBackend()
  fake = await startFakeGitHub({ firstNumber: 1000, collaborators: { maintainer: 'write', reader: 'read' } })
  repo = makeRepo()
  repo.writePlan({
    issue,
    title: 'run from a comment',
    tasks: [{ id: 'greet', paths: ['out/greet.txt'], steps: [{ run: 'mkdir -p out && echo hello > out/greet.txt' }] }]
  })
  repo.git(['push', '--quiet', 'origin', 'main'])
})
afterAll(async () => {
  repo?.cleanup()
  await fake?.close()
  await backend?.close()
})

const comment = (login: string, body: string, runId: number) =>
  runWorkflow({
    workflowFile: WORKFLOW,
    eventName: 'issue_comment',
    event: { action: 'created', issue: { number: issue }, comment: { body, user: { login } }, sender: { login } },
    originRepo: repo.origin,
    actionDir: projectRoot,
    workDir: mkdtempSync(path.join(repo.root, 'wf-')),
    githubApiUrl: fake.url,
    runId,
    env: (jobId) => backend.env(jobId, String(runId)),
    stepTimeoutMs: 60_000
  })

const permissionAsks = () => fake.requests.filter((r) => r.operationId === 'repos/get-collaborator-permission-level')
const branchOnOrigin = () => git(['branch', '--list', `autopilot/issue-${issue}`], repo.origin)

it('a read-only user: nothing runs, a notice names the user, the access and what is needed', async () => {
  const report = await comment('reader', '/autopilot run', 711)
  const log = report.jobs.authorize.legs.map((l) => l.log).join('\n')
  expect(report.jobs.authorize.result, log).toBe('success')
  expect(report.jobs.authorize.outputs.authorized).toBe('false')
  expect(report.jobs.autopilot.result).toBe('skipped')
  expect(log).toContain('::notice title=autopilot%3A not run::autopilot did not run: @reader has read access to octo-org/octo-repo; `/autopilot run` needs write, maintain or admin access. Nothing ran.')
  expect(permissionAsks().map((r) => r.path)).toEqual([expect.stringContaining('/collaborators/reader/permission')])
  expect(backend.artifacts('711')).toEqual([])
  expect(fake.state.pulls).toEqual([])
  expect(fake.state.comments).toEqual([])
  expect(branchOnOrigin()).toBe('')
}, 120_000)

it('a comment that is not the command starts no job at all', async () => {
  const report = await comment('maintainer', 'please /autopilot run this', 712)
  expect(report.jobs.authorize.result).toBe('skipped')
  expect(report.jobs.autopilot.result).toBe('skipped')
  expect(permissionAsks()).toHaveLength(1)
}, 60_000)

it('a user with write access: the plan runs through the reusable workflow and the pull request is opened', async () => {
  const report = await comment('maintainer', '/autopilot run\nthanks!', 713)
  const log = report.jobs.authorize.legs.map((l) => l.log).join('\n')
  expect(report.jobs.authorize.outputs.authorized, log).toBe('true')
  expect(log).toContain('@maintainer has write access to octo-org/octo-repo: running the plan of #71')
  const called = report.jobs.autopilot.called!
  const results = Object.fromEntries(Object.entries(called.jobs).map(([k, j]) => [k, j.result]))
  const finalizeLog = called.jobs.finalize.legs.map((l) => l.log).join('\n')
  expect(results, finalizeLog).toMatchObject({ plan: 'success', 'level-1': 'success', finalize: 'success' })
  expect(report.jobs.autopilot.result).toBe('success')
  expect(permissionAsks().map((r) => r.path).at(-1)).toContain('/collaborators/maintainer/permission')
  expect(fake.state.pulls.filter((p) => p.head === `autopilot/issue-${issue}`)).toHaveLength(1)
  expect(git(['show', `autopilot/issue-${issue}:out/greet.txt`], repo.origin)).toBe('hello\n')
  expect(fake.invalidRequests()).toEqual([])
}, 300_000)
