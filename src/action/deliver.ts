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
import type { BranchHome } from '../run/branch-guard.js'

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
  /** The branch on `origin` as the guard inspected it (undefined: it did not exist): the push lease. */
  lease?: string
  /** Records the head just pushed, for the next run's branch guard. */
  recordDelivered?: (head: string) => Promise<void>
}

export interface Delivered {
  status: string
  /** Why the branch was not delivered (integration, guard or a rejected push lease). */
  problem?: string
  pullRequest?: { number: number; url: string }
}

export async function deliver(input: DeliverInput): Promise<Delivered> {
  const { runner, settings, plan, manifest, integration } = input
  const outcome = runOutcome(manifest)
  const repository = runner.context.repository
  const octokit = repository && settings.token ? client(runner, settings.token) : undefined
  let pullRequest: Delivered['pullRequest']
  let problem = integration.problem
  let landed = Object.keys(integration.commits).length > 0 && !problem

  if (landed && !settings.dryRun) {
    const refusal = branchProblem({
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
    if (refusal) {
      problem = `autopilot will not push: ${refusal}`
      landed = false
    } else {
      problem = await pushBranch(input, integration.head)
      landed = !problem
      if (landed) await input.recordDelivered?.(integration.head)
    }
  }
  const render = (pullRequest: boolean) => {
    const text = input.mask(renderSummary({ plan, manifest, logLink: input.logLink, logsLocation: input.logsLocation, pullRequest }))
    return problem ? `${text}\n**Not delivered:** ${input.mask(problem).replace(/\n/g, '\n> ')}\n` : text
  }
  const summary = render(false)
  if (landed && !settings.dryRun && repository && settings.prToken) {
    const base = plan.base ?? runner.context.refName ?? (await defaultBranch(client(runner, settings.prToken), repository))
    const pr = await upsertPullRequest(client(runner, settings.prToken), {
      ...repository,
      head: manifest.branch,
      base,
      title: plan.pr.title ?? `autopilot #${plan.issue}: ${plan.title}`,
      body: truncateMarkdown(render(true), LIMITS.pullRequestBodyChars, '\n\n_(truncated: see the job summary)_'),
      draft: plan.pr.draft || outcome !== 'succeeded',
      labels: plan.pr.labels
    })
    pullRequest = { number: pr.number, url: pr.url }
    runner.info(`pull request ${pr.created ? 'created' : 'updated'}: ${pr.url}`)
  }
  if (octokit && repository && !settings.dryRun) {
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
  if (problem && problem !== integration.problem) runner.error(input.mask(problem), { title: 'autopilot: branch not delivered' })
  const status = problem ? 'failed' : outcome
  runner.setOutput('status', status)
  runner.setOutput('branch', landed ? manifest.branch : '')
  runner.setOutput('pull-request-number', pullRequest ? String(pullRequest.number) : '')
  runner.setOutput('pull-request-url', pullRequest?.url ?? '')
  runner.setOutput('usage', JSON.stringify(usageTotal(manifest) ?? { calls: 0, inputTokens: 0, outputTokens: 0 }))
  return { status, pullRequest, problem }
}

/** Where the branch lives on Actions: the checkout's `origin`, reached with `token` (the `pr-token` input). */
export async function originHome(checkout: Git, token: string | undefined, runner: Runner): Promise<BranchHome> {
  const remote = await checkout.remoteUrl()
  if (!/^https?:\/\//.test(remote) || !token) return { remote }
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
  runner.setSecret(basic)
  return { remote, configArgs: ['-c', `http.extraheader=AUTHORIZATION: basic ${basic}`] }
}

/**
 * Pushes the integrated commits to `origin` with a lease on the branch as the
 * guard saw it: if anyone pushed since, git refuses and nothing is
 * overwritten. Returns the refusal, or undefined when pushed.
 */
async function pushBranch(input: DeliverInput, head: string): Promise<string | undefined> {
  const { manifest, settings } = input
  const home = await originHome(input.checkout, settings.prToken, input.runner)
  const r = await input.repo.pushRef(home.remote, head, `refs/heads/${manifest.branch}`, { lease: input.lease ?? '', configArgs: home.configArgs })
  if (r.exitCode === 0) return undefined
  const why = input.mask(r.stderr.trim())
  if (/\[rejected\]|stale info/.test(why)) {
    return (
      `branch ${manifest.branch} changed on origin while autopilot ran (expected ${input.lease ? input.lease.slice(0, 12) : 'no branch'}); ` +
      `autopilot did not overwrite it. Run the workflow again: the branch guard will list any commits autopilot did not make (${why})`
    )
  }
  throw new AutopilotError(
    `could not push ${manifest.branch}: ${why}. The job needs \`permissions: contents: write\`, or a \`pr-token\` that may push.`,
    EXIT.taskFailed
  )
}

function client(runner: Runner, token: string): GitHubClient {
  return createGitHubClient({ token, baseUrl: runner.context.apiUrl, log: { warning: m => runner.warning(m) } })
}

async function defaultBranch(octokit: GitHubClient, repo: { owner: string; repo: string }): Promise<string> {
  const { data } = await octokit.rest.repos.get(repo)
  return data.default_branch
}
