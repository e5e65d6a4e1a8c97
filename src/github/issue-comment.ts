// Keeps one autopilot comment per issue up to date, found again by a hidden marker.
import type { GitHubClient } from './client.js'
import { LIMITS, truncateMarkdown } from './limits.js'

/** What the comment should say. */
export interface IssueCommentSpec {
  owner: string
  repo: string
  issueNumber: number
  /** Hidden HTML comment that identifies autopilot's comment; see `issueMarker`. */
  marker: string
  /** Markdown; cut to GitHub's 65,536 characters with a note when longer. */
  body: string
}

/** The comment after `upsertIssueComment`. */
export interface IssueCommentResult {
  id: number
  url: string
  /** `false` when the existing marked comment was updated. */
  created: boolean
}

export const TRUNCATED_COMMENT_NOTE =
  '> [!NOTE]\n> This comment was cut to fit GitHub\'s limit; the full report is in the run\'s summary and artifacts.'

/** The marker of autopilot's comment on issue `issueNumber`: `<!-- autopilot:issue-<n> -->`. */
export function issueMarker(issueNumber: number): string {
  return `<!-- autopilot:issue-${issueNumber} -->`
}

/** The body as posted: the marker on the first line, then `body` cut to fit what is left. */
export function markedCommentBody(marker: string, body: string): string {
  const rest = body.startsWith(marker) ? body.slice(marker.length).replace(/^\n/, '') : body
  return `${marker}\n${truncateMarkdown(rest, LIMITS.commentChars - marker.length - 1, TRUNCATED_COMMENT_NOTE)}`
}

/**
 * Updates the issue's comment that carries `marker` (searching every page of
 * comments), or creates it. Re-running never adds a second comment.
 */
export async function upsertIssueComment(octokit: GitHubClient, spec: IssueCommentSpec): Promise<IssueCommentResult> {
  const { owner, repo, issueNumber, marker } = spec
  const body = markedCommentBody(marker, spec.body)
  const existing = await findMarked(octokit, spec)
  if (existing !== undefined) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body })
    return { id: data.id, url: data.html_url, created: false }
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
  return { id: data.id, url: data.html_url, created: true }
}

async function findMarked(octokit: GitHubClient, spec: IssueCommentSpec): Promise<number | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: spec.owner,
    repo: spec.repo,
    issue_number: spec.issueNumber,
    per_page: 100
  })
  for await (const { data } of pages) {
    const hit = data.find((c) => c.body?.includes(spec.marker))
    if (hit) return hit.id
  }
  return undefined
}
