// The fake GitHub itself: it must reject what the real API rejects, or the other github-* tests prove nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { OpenAPIBackend, type Document } from 'openapi-backend'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js'

let fake: FakeGitHub
let octokit: GitHubClient

beforeEach(async () => {
  fake = await startFakeGitHub()
  octokit = createGitHubClient({ token: 'fake-token', baseUrl: fake.url, pace: false })
})
afterEach(() => fake.close())

const repo = { owner: 'octo-org', repo: 'octo-repo' }

describe('fake GitHub', () => {
  it('answers 422 to a comment whose body is a number, and records it as invalid', async () => {
    const err = await octokit
      .request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: 1, body: 5 as unknown as string })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 422 })
    expect((err as Error).message).toMatch(/requestBody\/body', must be string/)
    expect(fake.state.comments).toEqual([])
    expect(fake.invalidRequests()).toMatchObject([{ method: 'POST', operationId: 'issues/create-comment', status: 422, valid: false }])
  })

  it('answers 422 to a pull request without base, and to a non-integer issue number', async () => {
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/pulls', { ...repo, head: 'x', title: 't' } as never)
    ).rejects.toMatchObject({ status: 422 })
    await expect(octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: 'abc' as unknown as number })).rejects.toMatchObject({ status: 422 })
    expect(fake.invalidRequests().map((r) => r.operationId)).toEqual(['pulls/create', 'issues/get'])
  })

  it('answers 404 to a route outside the extracted API, and records it as invalid', async () => {
    await expect(octokit.request('GET /repos/{owner}/{repo}/branches', repo)).rejects.toMatchObject({ status: 404 })
    expect(fake.invalidRequests()).toMatchObject([{ path: '/repos/octo-org/octo-repo/branches', errors: 'unknown route' }])
  })

  it('answers valid requests for another repository with 404, as GitHub does', async () => {
    await expect(octokit.rest.repos.get({ owner: 'someone', repo: 'else' })).rejects.toMatchObject({ status: 404 })
    const { data } = await octokit.rest.repos.get(repo)
    expect(data).toMatchObject({ full_name: 'octo-org/octo-repo', default_branch: 'main' })
    expect(fake.invalidRequests()).toEqual([])
  })

  it('refuses a second open pull request for the same head and base, like GitHub', async () => {
    const pr = { ...repo, head: 'octo-org:feature', base: 'main', title: 't' }
    const { data } = await octokit.rest.pulls.create(pr)
    expect(data).toMatchObject({ number: 1000, head: { ref: 'feature', label: 'octo-org:feature' }, user: { login: 'github-actions[bot]' } })
    await expect(octokit.rest.pulls.create(pr)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/A pull request already exists for octo-org:feature/) })
    const { data: open } = await octokit.rest.pulls.list({ ...repo, head: 'octo-org:feature' })
    expect(open.map((p) => p.number)).toEqual([1000])
    expect(fake.invalidRequests()).toEqual([])
  })

  it('paginates with Link headers that keep the filters', async () => {
    for (const head of ['a', 'b', 'c']) await octokit.rest.pulls.create({ ...repo, head, base: 'main', title: head })
    await octokit.rest.pulls.create({ ...repo, head: 'd', base: 'dev', title: 'd' })
    const all = await octokit.paginate(octokit.rest.pulls.list, { ...repo, base: 'main', per_page: 1 })
    expect(all.map((p) => p.title)).toEqual(['a', 'b', 'c'])
    expect(fake.requests.filter((r) => r.operationId === 'pulls/list')).toHaveLength(3)
    expect(fake.invalidRequests()).toEqual([])
  })

  it('keeps git refs', async () => {
    const sha = 'a'.repeat(40)
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/autopilot/issue-1', sha })
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: 'heads/autopilot/issue-1' })
    expect(data.object.sha).toBe(sha)
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/autopilot/issue-1', sha: 'b'.repeat(40), force: true })
    expect(fake.state.refs.get('refs/heads/autopilot/issue-1')).toBe('b'.repeat(40))
    expect(fake.invalidRequests()).toEqual([])
  })

  it('serves a definition that is valid OpenAPI (the fake skips that check to start fast)', async () => {
    const definition = JSON.parse(readFileSync(new URL('../support/github-api.json', import.meta.url), 'utf8')) as Document
    const api = new OpenAPIBackend({ definition, quick: false, strict: true, ajvOpts: { validateFormats: false } })
    await expect(api.init()).resolves.toBe(api)
  })
})
