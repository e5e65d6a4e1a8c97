// `command: run` (the whole plan in one job, workflows-examples/uses-example.yml): the built bundle runs the local
// engine in the runner's checkout, pushes the branch to origin, and opens the PR and the issue comment through a
// fake GitHub that checks every request against the API description.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { git, makeRepo, type LocalRepo } from '../support/local-repo.js'
import { runBundle, type BundleRun } from '../support/action-bundle.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'

let repo: LocalRepo
let fake: FakeGitHub
let run: BundleRun
const issue = 44

beforeAll(async () => {
  fake = await startFakeGitHub()
  repo = makeRepo()
  repo.writePlan({
    issue,
    gates: { 'allow-paths': ['out/**'] },
    tasks: [
      { id: 'a', steps: [{ run: 'mkdir -p out && echo a > out/a.txt' }] },
      { id: 'b', needs: ['a'], steps: [{ run: 'cat out/a.txt > out/b.txt' }] }
    ]
  })
  run = await runBundle(
    repo,
    { command: 'run', plan: String(issue), token: 'ghs_fake_token_for_tests' },
    {
      GITHUB_REPOSITORY: `${fake.state.owner}/${fake.state.repo}`,
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: 'http://github.localhost',
      GITHUB_RUN_ID: '900',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_REF_TYPE: 'branch',
      AUTOPILOT_WORK_DIR: repo.workDir
    }
  )
}, 120_000)
afterAll(async () => {
  repo?.cleanup()
  await fake?.close()
})

it('runs the plan, pushes one commit per task to origin and opens the pull request', () => {
  expect(run.code, run.log).toBe(0)
  const branch = `autopilot/issue-${issue}`
  const base = repo.git(['rev-parse', 'HEAD']).trim()
  expect(git(['rev-list', '--count', `${base}..${branch}`], repo.origin).trim()).toBe('2')
  expect(git(['show', `${branch}:out/b.txt`], repo.origin)).toBe('a\n')
  const pulls = fake.state.pulls.filter((p) => p.head === branch)
  expect(pulls).toHaveLength(1)
  expect(pulls[0]).toMatchObject({ base: 'main', draft: false, state: 'open' })
  expect(run.outputs).toMatchObject({ status: 'succeeded', branch, 'pull-request-number': String(pulls[0].number) })
  expect(run.outputs['pull-request-url']).toMatch(new RegExp(`/pull/${pulls[0].number}$`))
  expect(run.summary).toContain(`## autopilot #${issue}`)
})

it('keeps one issue comment, and the token never appears in the log', () => {
  const comments = fake.state.comments.filter((c) => c.issueNumber === issue)
  expect(comments).toHaveLength(1)
  expect(comments[0].body).toContain('Pull request: ')
  // `::add-mask::` is how a step asks the runner to hide a value; the runner never prints that line.
  const shown = run.log.split('\n').filter((l) => !l.startsWith('::add-mask::'))
  expect(shown.join('\n')).not.toContain('ghs_fake_token_for_tests')
  expect(run.log).toContain('::add-mask::ghs_fake_token_for_tests')
  expect(fake.invalidRequests()).toEqual([])
})
