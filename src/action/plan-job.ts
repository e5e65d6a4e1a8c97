/**
 * `command: plan`: validate the plan (problems become annotations at their
 * line), emit the level matrices, write the job summary and mark the issue
 * comment "queued".
 */
import { relative } from 'node:path'
import { AutopilotError, PlanError } from '../errors.js'
import { buildGraph, levels } from '../graph/graph.js'
import { foldLevels } from '../graph/fold.js'
import { renderSummary } from '../report/markdown.js'
import { startManifest } from '../state/new-manifest.js'
import { createGitHubClient } from '../github/client.js'
import { issueMarker, upsertIssueComment } from '../github/issue-comment.js'
import { LIMITS, truncateMarkdown } from '../github/limits.js'
import { openActionPlan } from './open.js'
import type { Runner } from './runner.js'
import type { Settings } from './settings.js'
import { planJobSetup } from './setup-job.js'

export async function planJob(settings: Settings, runner: Runner): Promise<void> {
  let opened
  try {
    opened = await openActionPlan(settings, runner)
  } catch (e) {
    if (e instanceof PlanError) {
      for (const p of e.problems) {
        runner.error(`${p.path ? `${p.path}: ` : ''}${p.message}`, { title: 'autopilot: invalid plan', file: p.file, startLine: p.line, startColumn: p.col })
      }
      // Each problem is already an annotation at its line: the failure itself only counts them (one annotation per problem).
      const files = [...new Set(e.problems.map(p => p.file))].join(', ')
      throw new AutopilotError(`invalid plan ${files}: ${e.problems.length} problem(s), annotated at their lines above`, e.exitCode)
    }
    throw e
  }
  const { loaded, repoRoot, userGit, planFile, executor, sandboxOffBy } = opened
  const plan = loaded.plan
  const graph = buildGraph(plan.tasks)
  const lv = levels(graph)
  const base = await userGit.commitOf(plan.base ?? 'HEAD')
  for (const w of loaded.warnings) runner.warning(w.message, { title: 'autopilot: plan warning', file: w.file, startLine: w.line, startColumn: w.col })

  runner.setOutput('levels', JSON.stringify(lv))
  runner.setOutput('level-count', String(lv.length))
  runner.setOutput('jobs', JSON.stringify(foldLevels(lv, settings.maxLevelJobs)))
  runner.setOutput('plan-hash', loaded.hash)
  runner.setOutput('base', base)
  if (lv.length > settings.maxLevelJobs) {
    runner.warning(`the plan has ${lv.length} levels and the workflow ${settings.maxLevelJobs} level jobs: levels ${settings.maxLevelJobs} and deeper run one after another in the last level job`)
  }
  const manifest = startManifest({ plan, planHash: loaded.hash, planPath: relative(repoRoot, planFile), baseCommit: base })
  runner.setOutput('branch', manifest.branch)
  const summary = `### Queued\n\n${renderSummary({ plan, manifest })}`
  await runner.summary(truncateMarkdown(summary, LIMITS.jobSummaryBytes, '\n\n_(truncated)_', 'bytes'))
  const repository = runner.context.repository
  if (repository && settings.token && !settings.dryRun) {
    const octokit = createGitHubClient({ token: settings.token, baseUrl: runner.context.apiUrl, log: { warning: m => runner.warning(m) } })
    await upsertIssueComment(octokit, { ...repository, issueNumber: plan.issue, marker: issueMarker(plan.issue), body: summary }).catch(e =>
      runner.warning(`autopilot: could not update the issue comment: ${(e as Error).message}`)
    )
  }
  // Setup runs once here and its layer goes to the Actions cache: the task jobs restore it instead of installing.
  if (!settings.dryRun) await planJobSetup({ plan, planFile, repoRoot, baseCommit: base, executor, sandboxOffBy, runner })
  runner.info(`plan ${loaded.file}: ${plan.tasks.length} tasks in ${lv.length} levels, base ${base}`)
  runner.setOutput('status', settings.dryRun ? 'dry-run' : 'succeeded')
}
