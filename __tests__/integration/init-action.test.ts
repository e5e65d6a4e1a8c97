// `command: init` through the label example (workflows-examples/on-label.yml) in the local workflow runner: the
// built action reads the issue from the fake GitHub, pushes a branch adding the plan, and opens exactly one pull
// request; a second label event updates it rather than opening another; an issue with a plan is left alone.
import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { runWorkflow } from '../support/workflow-runner.js'
import { git, makeRepo, projectRoot, type LocalRepo } from '../support/local-repo.js'
import { parsePlan } from '../../src/plan/load.js'

const WORKFLOW = path.join(projectRoot, 'workflows-examples', 'on-label.yml')
const issue = 61
let fake: FakeGitHub
let repo: LocalRepo

beforeAll(async () => {
  fake = await startFakeGitHub({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main', firstNumber: 1000 })
  fake.state.issues.set(issue, {
    title: 'Add a greeting',
    body: 'Say hello.\n\n- [ ] Write greet.py\n- [ ] Test it (depends on #1)\n'
  })
  repo = makeRepo({ files: { 'requirements.txt': 'pytest\n', 'tests/test_x.py': 'def test_x():\n    pass\n' } })
})
afterAll(async () => {
  repo?.cleanup()
  await fake?.close()
})

const label = (n: number) =>
  runWorkflow({
    workflowFile: WORKFLOW,
    eventName: 'issues',
    event: { action: 'labeled', label: { name: 'autopilot' }, issue: { number: n } },
    originRepo: repo.origin,
    actionDir: projectRoot,
    workDir: mkdtempSync(path.join(repo.root, 'wf-')),
    githubApiUrl: fake.url,
    secrets: { AUTOPILOT_PR_TOKEN: 'ghs_fake_pr_token_for_tests' },
    stepTimeoutMs: 60_000
  })

it('opens exactly one pull request adding a plan that validates, and skips the run', async () => {
  const report = await label(issue)
  const initLog = report.jobs.init.legs.map((l) => l.log).join('\n')
  expect(report.jobs.init.result, initLog).toBe('success')
  expect(report.jobs.autopilot.result).toBe('skipped')
  expect(report.jobs.init.outputs).toMatchObject({ 'plan-exists': 'false' })
  const pulls = fake.state.pulls.filter((p) => p.head === `autopilot/plan-${issue}`)
  expect(pulls).toHaveLength(1)
  expect(pulls[0]).toMatchObject({ base: 'main', state: 'open' })
  expect(pulls[0].body).toContain('Merging this pull request approves the plan')
  const text = git(['show', `autopilot/plan-${issue}:.ai/plans/${issue}/Autopilot.yaml`], repo.origin)
  const plan = parsePlan(text, 'Autopilot.yaml').plan
  expect(plan.issue).toBe(issue)
  expect(plan.setup.map((s) => s.run)).toEqual(['python -m pip install -r requirements.txt'])
  expect(plan.tasks.map((t) => [t.id, t.needs])).toEqual([
    ['task-1-write-greet-py', []],
    ['task-2-test-it', ['task-1-write-greet-py']]
  ])
  expect(plan.tasks[1]!.checks).toEqual(['python -m pytest'])
  // Every prompt file the plan names is in the same commit.
  for (const t of plan.tasks) git(['cat-file', '-e', `autopilot/plan-${issue}:${t.steps[0]!['prompt-file']}`], repo.origin)
  expect(fake.invalidRequests()).toEqual([])
}, 180_000)

it('a second label event updates the same pull request instead of opening another', async () => {
  const report = await label(issue)
  expect(report.jobs.init.result).toBe('success')
  expect(fake.state.pulls.filter((p) => p.head === `autopilot/plan-${issue}`)).toHaveLength(1)
}, 180_000)

it('an issue whose plan exists gets no pull request: plan-exists is true and the run job is called', async () => {
  repo.writePlan({ issue: 62, tasks: [{ id: 'a', steps: [{ run: 'true' }] }] })
  repo.git(['push', '--quiet', 'origin', 'main'])
  // The run job calls a reusable workflow, which the local runner does not run: it reports that as the job's failure.
  const report = await label(62)
  expect(report.jobs.init.result).toBe('success')
  expect(report.jobs.init.outputs).toMatchObject({ 'plan-exists': 'true' })
  expect(report.jobs.autopilot.result).not.toBe('skipped')
  expect(fake.state.pulls.filter((p) => p.head === 'autopilot/plan-62')).toHaveLength(0)
}, 180_000)
