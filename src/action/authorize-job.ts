/**
 * `command: authorize`: may the author of the triggering issue comment start
 * a run? Only a `/autopilot run` comment on an issue (not a pull request) from
 * someone with write access, as GitHub's API says (never from the comment's
 * text), is authorised. Anyone else gets a notice and `authorized: false`;
 * the job stays green: a refusal is an answer, not a failure.
 */
import { UsageError } from '../errors.js'
import { createGitHubClient } from '../github/client.js'
import type { Runner } from './runner.js'
import type { Settings } from './settings.js'

/** The comment that asks for a run: its first line is `/autopilot run`, nothing else. */
export const RUN_COMMAND = '/autopilot run'

/** Is `body` the run command? Only its first line counts, trimmed. */
export function isRunCommand(body: string): boolean {
  return body.split('\n')[0].trim() === RUN_COMMAND
}

/** GitHub's `permission` values that may push, hence start a run (maintain reads as write). */
const MAY_RUN = new Set(['admin', 'write'])

export async function authorizeJob(settings: Settings, runner: Runner): Promise<void> {
  const { comment, repository, issueNumber } = runner.context
  if (!comment || issueNumber === undefined) {
    throw new UsageError('`command: authorize` checks who asked for a run: use it in a workflow triggered by `issue_comment`')
  }
  if (!repository || !settings.token) throw new UsageError('`command: authorize` asks GitHub for the commenter\'s permission: it needs the repository context and `token`')
  const refuse = (why: string) => {
    runner.notice(`autopilot did not run: ${why}`, { title: 'autopilot: not run' })
    runner.setOutput('authorized', 'false')
  }
  if (!isRunCommand(comment.body)) return refuse(`the comment is not \`${RUN_COMMAND}\``)
  if (comment.onPullRequest) return refuse(`\`${RUN_COMMAND}\` runs an issue's plan; this comment is on a pull request`)
  const octokit = createGitHubClient({ token: settings.token, baseUrl: runner.context.apiUrl, log: { warning: m => runner.warning(m) } })
  const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repository, username: comment.author })
  const where = `${repository.owner}/${repository.repo}`
  if (!MAY_RUN.has(data.permission)) {
    return refuse(`@${comment.author} has ${data.role_name || data.permission} access to ${where}; \`${RUN_COMMAND}\` needs write, maintain or admin access. Nothing ran.`)
  }
  runner.info(`@${comment.author} has ${data.role_name || data.permission} access to ${where}: running the plan of #${issueNumber}`)
  runner.setOutput('authorized', 'true')
}
