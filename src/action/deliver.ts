/**
 * The end of a run on Actions: push the assembled branch, create or update the
 * pull request, keep the one issue comment current, write the job summary,
 * annotate failures and set the outputs. Shared by `finalize` and `run`.
 */
import type { Plan } from '../plan/schema.js'
import type { RunManifest } from '../state/manifest.js'
import { LANDABLE } from '../state/manifest.js'
import type { Git } from '../git/git.js'
import type { IntegrationResult } from '../run/integrate.js'
import { renderSummary, runOutcome, usageTotal, type SummaryInput } from '../report/markdown.js'
import { createGitHubClient, type GitHubClient } from '../github/client.js'
import { upsertPullRequest } from '../github/pull-request.js'
import { issueMarker, upsertIssueComment } from '../github/issue-comment.js'
import { LIMITS, truncateMarkdown } from '../github/limits.js'
import { AutopilotError, EXIT } from '../errors.js'
import type { Runner } from './runner.js'
import { branchProblem } from '../gates/branch-guard.js'
import { checkedOutBranches, originDefaultBranch } from '../git/branches.js'
import type { Settings } from './settings.js'

export interface DeliverInput {
  runner: Runner
  settings: Settings
  plan: Plan
  manifest: RunManifest
  integration: IntegrationResult
  /** The private clone holding the integrated commits. */
  repo: Git
  /** The runner's checkout (its `origin` is where the branch goes). */
  checkout: Git
  mask: (text: string) => string
  /** Link to a task's log artifact, when known. */
  logLink?: SummaryInput['logLink']
  logsLocation?: string
}

export interface Delivered {
  status: string
  pullRequest?: { number: number; url: string }
}

export async function deliver(input: DeliverInput): Promise<Delivered> {
  const { runner, settings, plan, manifest, integration } = input
  const outcome = runOutcome(manifest)
  let summary = input.mask(renderSummary({ plan, manifest, logLink: input.logLink, logsLocation: input.logsLocation }))
  if (integration.problem) summary += `\n**Not delivered:** ${input.mask(integration.problem)}\n`
  const landed = Object.keys(integration.commits).length > 0 && !integration.problem
  const repository = runner.context.repository
  const octokit = repository && settings.token ? client(runner, settings.token) : undefined
  let pullRequest: Delivered['pullRequest']

  if (landed && !settings.dryRun) {
    const problem = branchProblem({
      branch: manifest.branch,
      allowOutside: plan.pr['allow-branch-outside-autopilot'],
      defaultBranch:
        octokit && repository
          ? await defaultBranch(octokit, repository).catch((e: Error) => {
              runner.warning(`autopilot: could not read the default branch (${e.message}); refusing main and master instead`)
              return undefined
            })
          : await originDefaultBranch(input.checkout),
      checkedOut: [...(await checkedOutBranches(input.checkout)), ...(runner.context.refName ? [runner.context.refName] : [])]
    })
    if (problem) throw new AutopilotError(`autopilot will not push: ${problem}`, EXIT.taskFailed)
    await pushBranch(input, integration.head)
    if (repository && settings.prToken) {
      const base = plan.base ?? runner.context.refName ?? (await defaultBranch(client(runner, settings.prToken), repository))
      const pr = await upsertPullRequest(client(runner, settings.prToken), {
        ...repository,
        head: manifest.branch,
        base,
        title: plan.pr.title ?? `autopilot #${plan.issue}: ${plan.title}`,
        body: truncateMarkdown(summary, LIMITS.pullRequestBodyChars, '\n\n_(truncated: see the job summary)_'),
        draft: plan.pr.draft || outcome !== 'succeeded',
        labels: plan.pr.labels
      })
      pullRequest = { number: pr.number, url: pr.url }
      runner.info(`pull request ${pr.created ? 'created' : 'updated'}: ${pr.url}`)
    }
  }
  if (octokit && repository) {
    const head = pullRequest ? `Pull request: ${pullRequest.url}\n\n` : ''
    await upsertIssueComment(octokit, {
      ...repository,
      issueNumber: plan.issue,
      marker: issueMarker(plan.issue),
      body: head + summary
    }).catch(e => runner.warning(`autopilot: could not update the issue comment: ${(e as Error).message}`))
  }
  await runner.summary(truncateMarkdown(summary, LIMITS.jobSummaryBytes, '\n\n_(truncated)_', 'bytes'))
  for (const t of plan.tasks) {
    const r = manifest.tasks[t.id]
    if (!r || LANDABLE.has(r.status) || r.status === 'pending') continue
    if (r.status === 'failed' || r.status === 'denied') {
      runner.error(input.mask(`task ${t.id} ${r.status}${r.failedStep ? ` at step "${r.failedStep}"` : ''}: ${(r.reason ?? '').split('\n')[0]}`), {
        title: `autopilot: task ${t.id} ${r.status}`
      })
    }
  }
  const status = integration.problem ? 'failed' : outcome
  runner.setOutput('status', status)
  runner.setOutput('branch', landed ? manifest.branch : '')
  runner.setOutput('pull-request-number', pullRequest ? String(pullRequest.number) : '')
  runner.setOutput('pull-request-url', pullRequest?.url ?? '')
  runner.setOutput('usage', JSON.stringify(usageTotal(manifest) ?? { calls: 0, inputTokens: 0, outputTokens: 0 }))
  return { status, pullRequest }
}

/** Pushes the integrated commits to the checkout's `origin`, authenticated with `pr-token`. */
async function pushBranch(input: DeliverInput, head: string): Promise<void> {
  const { manifest, settings } = input
  const origin = await input.checkout.text(['remote', 'get-url', 'origin'])
  const basic = Buffer.from(`x-access-token:${settings.prToken}`).toString('base64')
  input.runner.setSecret(basic)
  const auth = /^https?:\/\//.test(origin) && settings.prToken ? ['-c', `http.extraheader=AUTHORIZATION: basic ${basic}`] : []
  // Force: the branch belongs to autopilot, and a re-run must replace it, not stack on it.
  const r = await input.repo.raw([...auth, 'push', '--quiet', '--force', origin, `${head}:refs/heads/${manifest.branch}`])
  if (r.exitCode !== 0) {
    throw new AutopilotError(
      `could not push ${manifest.branch}: ${input.mask(r.stderr.trim())}. The job needs \`permissions: contents: write\`, ` +
        'or a `pr-token` that may push.',
      EXIT.taskFailed
    )
  }
}

function client(runner: Runner, token: string): GitHubClient {
  return createGitHubClient({ token, baseUrl: runner.context.apiUrl, log: { warning: m => runner.warning(m) } })
}

async function defaultBranch(octokit: GitHubClient, repo: { owner: string; repo: string }): Promise<string> {
  const { data } = await octokit.rest.repos.get(repo)
  return data.default_branch
}
