// Reading one issue (title and body) for `autopilot init`.
import { AutopilotError } from '../errors.js'
import type { GitHubClient } from './client.js'

export interface IssueContent {
  number: number
  title: string
  body: string
}

/** The issue's title and body; a missing issue is a clear error, not a stack. */
export async function getIssue(client: GitHubClient, owner: string, repo: string, number: number): Promise<IssueContent> {
  try {
    const { data } = await client.rest.issues.get({ owner, repo, issue_number: number })
    return { number, title: data.title, body: data.body ?? '' }
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status === 404) throw new AutopilotError(`issue #${number} not found in ${owner}/${repo} (or the token cannot read it)`)
    throw e
  }
}
