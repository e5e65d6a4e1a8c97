// upsertPullRequest against the fake GitHub, which checks every request against GitHub's OpenAPI description.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js'
import { upsertPullRequest, TRUNCATED_BODY_NOTE } from '../../src/github/pull-request.js'
import { LIMITS } from '../../src/github/limits.js'
import { AutopilotError } from '../../src/errors.js'

let fake: FakeGitHub
let octokit: GitHubClient
let warnings: string[]

beforeEach(async () => {
  fake = await startFakeGitHub()
  warnings = []
  octokit = createGitHubClient({ token: 'fake-token', baseUrl: fake.url, pace: false, log: { warning: (m) => warnings.push(m) } })
})
afterEach(async () => {
  // Every request the code under test made must match the real API.
  expect(fake.invalidRequests()).toEqual([])
  await fake.close()
})

const spec = {
  owner: 'octo-org',
  repo: 'octo-repo',
  head: 'autopilot/issue-653',
  base: 'main',
  title: 'Autopilot: issue #653',
  body: 'First report',
  draft: true,
  labels: ['autopilot']
}

describe('upsertPullRequest', () => {
  it('creates the pull request once, then updates it in place', async () => {
    const first = await upsertPullRequest(octokit, spec)
    expect(first).toEqual({ number: 1000, url: 'https://github.com/octo-org/octo-repo/pull/1000', created: true })
    expect(fake.state.pulls).toMatchObject([{ head: 'autopilot/issue-653', base: 'main', draft: true, body: 'First report' }])
    expect(fake.state.labels.get(1000)).toEqual(['autopilot'])

    const second = await upsertPullRequest(octokit, { ...spec, title: 'Autopilot: issue #653 (2 of 3 tasks)', body: 'Second report', labels: ['autopilot', 'needs-review'] })
    expect(second).toEqual({ ...first, created: false })
    expect(fake.state.pulls).toHaveLength(1)
    expect(fake.state.pulls[0]).toMatchObject({ title: 'Autopilot: issue #653 (2 of 3 tasks)', body: 'Second report' })
    expect(fake.state.labels.get(1000)).toEqual(['autopilot', 'needs-review'])
    expect(fake.requests.map((r) => r.operationId)).toEqual([
      'pulls/list',
      'pulls/create',
      'issues/add-labels',
      'pulls/list',
      'pulls/update',
      'issues/add-labels'
    ])
  })

  it('ignores a closed pull request for the same branch and another branch\'s open one', async () => {
    const old = await upsertPullRequest(octokit, { ...spec, labels: [] })
    fake.state.pulls[0].state = 'closed'
    await upsertPullRequest(octokit, { ...spec, head: 'autopilot/issue-7', labels: [] })
    const res = await upsertPullRequest(octokit, { ...spec, labels: [] })
    expect(res.created).toBe(true)
    expect(res.number).not.toBe(old.number)
    expect(fake.state.pulls.filter((p) => p.state === 'open')).toHaveLength(2)
  })

  it('cuts a body over 65,536 characters and says so', async () => {
    const body = `| task | status |\n|---|---|\n${'| impl | succeeded |\n'.repeat(5000)}`
    expect(body.length).toBeGreaterThan(LIMITS.pullRequestBodyChars)
    await upsertPullRequest(octokit, { ...spec, body })
    const stored = fake.state.pulls[0].body ?? ''
    expect(stored.length).toBeLessThanOrEqual(LIMITS.pullRequestBodyChars)
    expect(stored.endsWith(TRUNCATED_BODY_NOTE)).toBe(true)
    expect(stored.startsWith('| task | status |')).toBe(true)
  })

  it('explains the repository setting when Actions may not create pull requests', async () => {
    await fake.close()
    fake = await startFakeGitHub({ forbidPullRequestCreation: true })
    octokit = createGitHubClient({ token: 'fake-token', baseUrl: fake.url, pace: false })
    const err = await upsertPullRequest(octokit, spec).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AutopilotError)
    const message = (err as Error).message
    expect(message).toContain('GitHub Actions is not permitted to create or approve pull requests')
    expect(message).toContain('Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests"')
    expect(message).toContain('`pr-token`')
    expect(fake.state.pulls).toEqual([])
  })

  it('retries a transient 502 and still opens exactly one pull request', async () => {
    fake.failNext({ operationId: 'pulls/create', kind: 502 })
    const res = await upsertPullRequest(octokit, spec)
    expect(res.created).toBe(true)
    expect(fake.state.pulls).toHaveLength(1)
    expect(fake.requests.filter((r) => r.operationId === 'pulls/create').map((r) => r.status)).toEqual([502, 201])
  })

  it('waits out a secondary rate limit once, with a warning', async () => {
    fake.failNext({ operationId: 'pulls/create', kind: 'secondary-rate-limit' })
    const res = await upsertPullRequest(octokit, spec)
    expect(res.created).toBe(true)
    expect(fake.requests.filter((r) => r.operationId === 'pulls/create').map((r) => r.status)).toEqual([403, 201])
    expect(warnings).toEqual([expect.stringMatching(/secondary rate limit hit on POST .*\/pulls; retrying in 1 s \(retry 1 of 2\)/)])
  })

  it('gives up after two retries of a server error', async () => {
    fake.failNext({ operationId: 'pulls/list', kind: 502, times: 3 })
    await expect(upsertPullRequest(octokit, spec)).rejects.toMatchObject({ status: 502 })
    expect(fake.requests.map((r) => r.status)).toEqual([502, 502, 502])
  })

  it('gives up on a primary rate limit after two retries', async () => {
    fake.failNext({ operationId: 'pulls/list', kind: 'rate-limit', times: 3 })
    await expect(upsertPullRequest(octokit, spec)).rejects.toMatchObject({ status: 403 })
    expect(fake.requests.map((r) => r.status)).toEqual([403, 403, 403])
    expect(warnings).toHaveLength(3)
    expect(warnings[2]).toMatch(/not retrying/)
  })
})
