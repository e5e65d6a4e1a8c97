// The branch guard through the built action and the reusable workflow: a reviewer's commit pushed on the autopilot
// branch in origin survives a re-run (refused by default and reported in the job summary and the issue comment;
// stacked with `onto-branch: true`). Commits carry the bot identity, the trailers and the triggering actor.
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startResultsBackend, type ResultsBackend } from '../support/results-backend.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import type { WorkflowReport } from '../support/workflow-runner.js'
import { runAutopilotWorkflow } from '../support/autopilot-workflow.js'
import { git, makeRepo, subjects, type LocalRepo } from '../support/local-repo.js'

let backend: ResultsBackend
let fake: FakeGitHub
let r: LocalRepo

beforeAll(async () => {
  backend = await startResultsBackend()
  fake = await startFakeGitHub({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main', firstNumber: 1200 })
  r = makeRepo()
})
afterAll(async () => {
  await backend?.close()
  await fake?.close()
  r?.cleanup()
})

const issue = 61
const branch = `autopilot/issue-${issue}`
const task = (id: string) => ({ id, name: `Write ${id}`, paths: [`out/${id}.txt`], steps: [{ run: `mkdir -p out && echo ${id} > out/${id}.txt` }] })

const run = (runId: number, inputs: Record<string, unknown> = {}): Promise<WorkflowReport> =>
  runAutopilotWorkflow({ repo: r, issue, runId, backend, fake, inputs })
const finalizeLog = (w: WorkflowReport) => w.jobs.finalize.legs.map((l) => l.log).join('\n')
const comment = () => fake.state.comments.filter((c) => c.issueNumber === issue)[0]?.body ?? ''

it('keeps a reviewer commit on the branch: refuses by default, stacks with onto-branch', async () => {
  r.writePlan({ issue, tasks: [task('a')] })
  r.git(['push', '--quiet', 'origin', 'main'])
  const base = git(['rev-parse', 'main'], r.origin).trim()
  const first = await run(601)
  expect(first.jobs.finalize.result, finalizeLog(first)).toBe('success')
  const trailers = git(['log', '-1', '--format=%an <%ae>%n%(trailers:only)', branch], r.origin).trim().split('\n')
  expect(trailers[0]).toBe('github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>')
  expect(trailers.slice(1)).toEqual([
    `Autopilot-Issue: ${issue}`,
    'Autopilot-Task: a',
    expect.stringMatching(/^Autopilot-Patch: sha256:[0-9a-f]{64}$/),
    'Co-authored-by: octocat <octocat@users.noreply.github.com>'
  ])

  // A reviewer pushes a fix-up on the branch; the plan grows a task.
  const reviewer = path.join(r.root, 'reviewer')
  git(['clone', '--quiet', '--branch', branch, r.origin, reviewer], r.root)
  git(['commit', '--quiet', '--allow-empty', '-m', 'Reviewer fix-up'], reviewer, { GIT_AUTHOR_NAME: 'Rita Reviewer' })
  git(['push', '--quiet', 'origin', branch], reviewer)
  const fixup = git(['rev-parse', branch], r.origin).trim()
  r.writePlan({ issue, tasks: [task('a'), task('b')] })
  r.git(['push', '--quiet', 'origin', 'main'])

  const refused = await run(602)
  expect(refused.jobs.finalize.result).toBe('failure')
  expect(git(['rev-parse', branch], r.origin).trim()).toBe(fixup)
  const summary = refused.jobs.finalize.legs[0].summary
  for (const text of [summary, comment()]) {
    expect(text).toContain(`branch ${branch} holds 1 commit(s) autopilot did not make`)
    expect(text).toContain(`${fixup.slice(0, 12)} Reviewer fix-up`)
    expect(text).toContain('the action input `onto-branch: true`')
    expect(text).toContain('the action input `force: true`')
  }

  const stacked = await run(603, { 'onto-branch': true })
  expect(stacked.jobs.finalize.result, finalizeLog(stacked)).toBe('success')
  const newBase = git(['rev-parse', 'main'], r.origin).trim()
  expect(subjects(r.origin, base, branch).filter((s) => s !== `plan for #${issue}`)).toEqual([
    `Write a (autopilot #${issue}: a)`,
    'Reviewer fix-up',
    `Write b (autopilot #${issue}: b)`
  ])
  expect(git(['rev-parse', `${branch}^`], r.origin).trim()).toBe(fixup)
  expect(newBase).not.toBe(base)
  expect(fake.invalidRequests()).toEqual([])
}, 240_000)
