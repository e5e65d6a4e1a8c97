// Opens autopilot's pull request, or updates the one already open for the branch: never a duplicate.
import { AutopilotError } from '../errors.js'
import type { GitHubClient } from './client.js'
import { LIMITS, truncateMarkdown } from './limits.js'

/** What the pull request should look like. */
export interface PullRequestSpec {
  owner: string
  repo: string
  /** Branch in `owner/repo` holding the work, e.g. `autopilot/issue-653`. */
  head: string
  /** Branch to merge into. */
  base: string
  title: string
  /** Markdown; cut to GitHub's 65,536 characters with a note when longer. */
  body: string
  /** Only applies when the pull request is created. */
  draft?: boolean
  /** Added (never removed) on every call. */
  labels?: string[]
}

/** The pull request after `upsertPullRequest`. */
export interface PullRequestResult {
  number: number
  /** Its page, `html_url`. */
  url: string
  /** `false` when an open pull request for the branch was updated instead. */
  created: boolean
}

/** GitHub's answer when the workflow token may not open pull requests. */
const ACTIONS_MAY_NOT_CREATE = /not permitted to create or approve pull requests/i
/** GitHub's answer when an open pull request already exists for head and base. */
const ALREADY_EXISTS = /pull request already exists/i

export const TRUNCATED_BODY_NOTE =
  '> [!NOTE]\n> This description was cut to fit GitHub\'s limit; the full report is in the run\'s artifacts.'

/**
 * Creates or updates the pull request from `head` into `base`: the open one
 * for `owner:head` is found first and its title, body and base updated;
 * otherwise one is created. Then `labels` are added.
 *
 * @throws AutopilotError when GitHub refuses because Actions may not create
 *   pull requests in this repository; the message names the setting and the
 *   `pr-token` alternative.
 */
export async function upsertPullRequest(octokit: GitHubClient, spec: PullRequestSpec): Promise<PullRequestResult> {
  const { owner, repo, head, base, title } = spec
  const body = truncateMarkdown(spec.body, LIMITS.pullRequestBodyChars, TRUNCATED_BODY_NOTE)

  let found = await findOpen(octokit, spec)
  let created = false
  if (!found) {
    try {
      const { data } = await octokit.rest.pulls.create({ owner, repo, head, base, title, body, draft: spec.draft ?? false })
      found = { number: data.number, url: data.html_url }
      created = true
    } catch (error) {
      if (status(error) === 403 && ACTIONS_MAY_NOT_CREATE.test(message(error))) throw actionsMayNotCreate(owner, repo, error)
      // Someone (a parallel run) opened it since we looked: update that one instead.
      if (!(status(error) === 422 && ALREADY_EXISTS.test(message(error)))) throw error
      found = await findOpen(octokit, spec)
      if (!found) throw error
    }
  }
  if (!created) {
    await octokit.rest.pulls.update({ owner, repo, pull_number: found.number, title, body, base })
  }
  if (spec.labels?.length) {
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: found.number, labels: spec.labels })
  }
  return { number: found.number, url: found.url, created }
}

async function findOpen(octokit: GitHubClient, spec: PullRequestSpec): Promise<{ number: number; url: string } | undefined> {
  // `head` must be `owner:branch`; a bare branch name would match nothing.
  const { data } = await octokit.rest.pulls.list({
    owner: spec.owner,
    repo: spec.repo,
    state: 'open',
    head: `${spec.owner}:${spec.head}`,
    per_page: 100
  })
  // GitHub allows one open pull request per head and base; prefer ours, else any for the head.
  const pr = data.find((p) => p.base.ref === spec.base) ?? data[0]
  return pr ? { number: pr.number, url: pr.html_url } : undefined
}

function actionsMayNotCreate(owner: string, repo: string, cause: unknown): AutopilotError {
  const error = new AutopilotError(
    `GitHub refused to open the pull request in ${owner}/${repo}: "${message(cause)}"\n` +
      'The workflow token may not create pull requests in this repository. Either allow it in ' +
      'Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests", ' +
      'or give autopilot a token that may (a fine-grained PAT or GitHub App token with "Pull requests: write") through the `pr-token` input.'
  )
  error.cause = cause
  return error
}

function status(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
