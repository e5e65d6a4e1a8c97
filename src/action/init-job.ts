/**
 * `command: init`: write the plan for the triggering issue (its task list,
 * the checkout's toolchains) and open a pull request adding it, so a
 * maintainer approves the plan by merging it. The checkout's files are not
 * touched: the commit is built from HEAD through a private index. When the
 * issue already has a plan, nothing happens (`plan-exists: true`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileProbe } from '../commands/init.js'
import { AutopilotError, EXIT, UsageError } from '../errors.js'
import { Git } from '../git/git.js'
import { createGitHubClient } from '../github/client.js'
import { getIssue } from '../github/issue.js'
import { upsertPullRequest } from '../github/pull-request.js'
import { buildInitPlan, planFolderFor, type InitPlan } from '../import/init.js'
import { PLAN_FILE } from '../plan/locate.js'
import { ProcessExecutor } from '../run/executor.js'
import type { Runner } from './runner.js'
import { originHome } from './deliver.js'
import type { Settings } from './settings.js'

/** The branch the plan's pull request comes from. */
export function initBranch(issue: number): string {
  return `autopilot/plan-${issue}`
}

export async function initJob(settings: Settings, runner: Runner): Promise<void> {
  const issue = /^#?\d+$/.test(settings.plan) ? Number(settings.plan.replace('#', '')) : runner.context.issueNumber
  if (issue === undefined) throw new UsageError('`command: init` needs an issue: run it on an issue event, or pass `plan:` an issue number')
  const repository = runner.context.repository
  if (!repository || !settings.token) throw new UsageError('`command: init` reads the issue from GitHub: it needs the repository context and `token`')
  const workspace = runner.context.workspace
  const checkout = new Git(new ProcessExecutor(), workspace)
  const planFile = `${planFolderFor(issue)}/${PLAN_FILE}`
  if (existsSync(path.join(workspace, planFile))) {
    runner.info(`${planFile} exists: the issue already has a plan; nothing to do`)
    runner.setOutput('plan-exists', 'true')
    return
  }
  const octokit = createGitHubClient({ token: settings.token, baseUrl: runner.context.apiUrl, log: { warning: (m) => runner.warning(m) } })
  const content = await getIssue(octokit, repository.owner, repository.repo, issue)
  const init = buildInitPlanFor(issue, content, workspace)
  for (const w of init.warnings) runner.warning(`autopilot init: ${w}`)
  const head = await commitPlan(checkout, init, issue, runner)
  const branch = initBranch(issue)
  await push(checkout, head, branch, settings.prToken, runner)
  const base = runner.context.refName ?? (await octokit.rest.repos.get(repository)).data.default_branch
  const pr = await upsertPullRequest(createGitHubClient({ token: settings.prToken, baseUrl: runner.context.apiUrl, log: { warning: (m) => runner.warning(m) } }), {
    ...repository,
    head: branch,
    base,
    title: `autopilot plan for #${issue}: ${content.title}`,
    body: prBody(init, issue)
  })
  runner.info(`pull request ${pr.created ? 'created' : 'updated'}: ${pr.url}`)
  runner.setOutput('plan-exists', 'false')
  runner.setOutput('branch', branch)
  runner.setOutput('pull-request-number', String(pr.number))
  runner.setOutput('pull-request-url', pr.url)
  await runner.summary(prBody(init, issue))
}

function buildInitPlanFor(issue: number, content: { title: string; body: string }, workspace: string): InitPlan {
  return buildInitPlan({ issue: { number: issue, title: content.title || `Issue #${issue}`, body: content.body, path: `issue #${issue}` }, repo: fileProbe(workspace) })
}

/** One commit on HEAD adding the plan and its prompts, built through a private index (the checkout stays as it is). */
async function commitPlan(git: Git, init: InitPlan, issue: number, runner: Runner): Promise<string> {
  const dir = mkdtempSync(path.join(runner.context.tempDir, 'autopilot-init-'))
  const index = git.withIndex(path.join(dir, 'index'))
  try {
    await index.readTree('HEAD')
    for (const f of [{ path: init.file, text: init.yaml }, ...init.prompts]) await index.indexFile(f.path, await git.writeBlob(f.text))
    return await git.commitTree(await index.writeTree(), [await git.commitOf('HEAD')], `autopilot: plan for #${issue}`, new Date().toISOString())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Pushes `head` to the checkout's origin as `branch`, authenticated with `pr-token`. */
async function push(git: Git, head: string, branch: string, token: string, runner: Runner): Promise<void> {
  const home = await originHome(git, token, runner)
  // Force: the plan branch belongs to autopilot; a re-run replaces the proposal.
  const r = await git.pushRef(home.remote, head, `refs/heads/${branch}`, { force: true, configArgs: home.configArgs })
  if (r.exitCode !== 0) {
    const why = r.stderr.trim().replace(/basic [A-Za-z0-9+/=]+/g, 'basic ***')
    throw new AutopilotError(`could not push ${branch}: ${why}. The job needs \`permissions: contents: write\`, or a \`pr-token\` that may push.`, EXIT.taskFailed)
  }
}

function prBody(init: InitPlan, issue: number): string {
  const lines = [
    `Proposed plan for #${issue}: \`${init.file}\`. **Merging this pull request approves the plan**; edit it here first if needed.`,
    '',
    `| task | needs | checks |`,
    `| --- | --- | --- |`,
    ...(init.plan.tasks as { id: string; needs?: string[]; checks?: unknown[] }[]).map((t) => `| \`${t.id}\` | ${(t.needs ?? []).map((n) => `\`${n}\``).join(', ')} | ${(t.checks ?? []).length} |`),
    '',
    `Toolchains: ${init.toolchains.map((t) => t.name).join(', ') || 'none recognised'}.`
  ]
  if (init.warnings.length > 0) lines.push('', '<details><summary>Warnings</summary>', '', ...init.warnings.map((w) => `- ${w}`), '', '</details>')
  return lines.join('\n')
}
