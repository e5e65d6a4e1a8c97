// upsertIssueComment against the fake GitHub, which checks every request against GitHub's OpenAPI description.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js'
import { issueMarker, upsertIssueComment, TRUNCATED_COMMENT_NOTE } from '../../src/github/issue-comment.js'
import { LIMITS } from '../../src/github/limits.js'

let fake: FakeGitHub
let octokit: GitHubClient

beforeEach(async () => {
  fake = await startFakeGitHub()
  octokit = createGitHubClient({ token: 'fake-token', baseUrl: fake.url, pace: false })
})
afterEach(async () => {
  expect(fake.invalidRequests()).toEqual([])
  await fake.close()
})

const where = { owner: 'octo-org', repo: 'octo-repo', issueNumber: 653, marker: issueMarker(653) }

/** Someone else's comment on the issue. */
function otherComment(issueNumber: number, body: string): void {
  const t = '2024-01-01T00:00:00Z'
  fake.state.comments.push({ id: fake.state.nextId++, issueNumber, body, user: 'octocat', createdAt: t, updatedAt: t })
}

describe('upsertIssueComment', () => {
  it('creates one marked comment, then updates it in place', async () => {
    otherComment(653, 'Looks good to me')
    const first = await upsertIssueComment(octokit, { ...where, body: 'Run started' })
    expect(first.created).toBe(true)
    expect(first.url).toBe(`https://github.com/octo-org/octo-repo/issues/653#issuecomment-${first.id}`)

    const second = await upsertIssueComment(octokit, { ...where, body: 'Run finished: 3 of 3 tasks succeeded' })
    expect(second).toEqual({ ...first, created: false })
    expect(fake.state.comments.map((c) => c.body)).toEqual([
      'Looks good to me',
      '<!-- autopilot:issue-653 -->\nRun finished: 3 of 3 tasks succeeded'
    ])
    expect(fake.state.comments[1].user).toBe('github-actions[bot]')
  })

  it('finds the marked comment on a later page of a long thread', async () => {
    for (let i = 0; i < 130; i++) otherComment(653, `comment ${i}`)
    const first = await upsertIssueComment(octokit, { ...where, body: 'v1' })
    for (let i = 0; i < 120; i++) otherComment(653, `later ${i}`)
    const second = await upsertIssueComment(octokit, { ...where, body: 'v2' })
    expect(second.id).toBe(first.id)
    expect(fake.state.comments.filter((c) => c.body.includes(where.marker))).toHaveLength(1)
    // Page 2 held it; page 3 was never fetched.
    expect(fake.requests.filter((r) => r.operationId === 'issues/list-comments').map((r) => r.path)).toEqual([
      '/repos/octo-org/octo-repo/issues/653/comments?per_page=100',
      '/repos/octo-org/octo-repo/issues/653/comments?per_page=100&page=2',
      '/repos/octo-org/octo-repo/issues/653/comments?per_page=100',
      '/repos/octo-org/octo-repo/issues/653/comments?per_page=100&page=2'
    ])
  })

  it('keeps comments of other issues apart', async () => {
    await upsertIssueComment(octokit, { ...where, body: 'a' })
    await upsertIssueComment(octokit, { ...where, issueNumber: 7, marker: issueMarker(7), body: 'b' })
    expect(fake.state.comments.map((c) => [c.issueNumber, c.body])).toEqual([
      [653, '<!-- autopilot:issue-653 -->\na'],
      [7, '<!-- autopilot:issue-7 -->\nb']
    ])
  })

  it('cuts a body over 65,536 characters, keeping the marker and a note', async () => {
    const body = '```text\n' + 'x'.repeat(100) + '\n'.repeat(1) + 'log line\n'.repeat(10_000)
    await upsertIssueComment(octokit, { ...where, body })
    const [stored] = fake.state.comments
    expect(stored.body.length).toBeLessThanOrEqual(LIMITS.commentChars)
    expect(stored.body.startsWith(`${where.marker}\n\`\`\`text\n`)).toBe(true)
    // The open code fence is closed before the note.
    expect(stored.body.endsWith(`\n\`\`\`\n\n${TRUNCATED_COMMENT_NOTE}`)).toBe(true)
    // Found again by its marker.
    const again = await upsertIssueComment(octokit, { ...where, body: 'short' })
    expect(again.created).toBe(false)
    expect(fake.state.comments).toHaveLength(1)
  })

  it('retries a transient 502 when updating', async () => {
    await upsertIssueComment(octokit, { ...where, body: 'v1' })
    fake.failNext({ operationId: 'issues/update-comment', kind: 502 })
    const res = await upsertIssueComment(octokit, { ...where, body: 'v2' })
    expect(res.created).toBe(false)
    expect(fake.state.comments[0].body).toBe(`${where.marker}\nv2`)
  })
})
