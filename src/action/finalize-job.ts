/**
 * `command: finalize` (runs even when tasks failed): collects every task's
 * result from this run's artifacts, integrates exactly as the local engine
 * does, runs the run-level gates, then delivers (push, PR, comment, summary).
 */
import { join, relative } from 'node:path'
import { ancestors, buildGraph, topoOrder } from '../graph/graph.js'
import { LANDABLE, type TaskRecord } from '../state/manifest.js'
import type { StoredResult } from '../state/store.js'
import { startManifest } from '../state/new-manifest.js'
import { renderFailedLog } from '../report/text.js'
import { renderSummary } from '../report/markdown.js'
import { defaultWorkRoot, openWorkspace } from '../run/workspace.js'
import { ACTION_HINTS, integrateGuarded } from '../run/branch-guard.js'
import { namedSecrets, planMasker } from '../run/secrets.js'
import { TaskFailedError } from '../errors.js'
import { openActionPlan } from './open.js'
import { openActionsStore } from './store.js'
import { deliver, originHome } from './deliver.js'
import { actionIdentity } from './identity.js'
import type { Runner } from './runner.js'
import type { Settings } from './settings.js'
import type { Plan } from '../plan/schema.js'
import pLimit from 'p-limit'

export async function finalizeJob(settings: Settings, runner: Runner): Promise<void> {
  const { loaded, repoRoot, userGit, executor, planFile } = await openActionPlan(settings, runner)
  const plan = loaded.plan
  if (settings.dryRun) return await dryRunReport(plan, runner)
  const graph = buildGraph(plan.tasks)
  const order = topoOrder(graph)
  const baseCommit = await userGit.commitOf('HEAD')
  const store = openActionsStore(runner, plan.issue)
  const manifest = startManifest({ plan, planHash: loaded.hash, planPath: relative(repoRoot, planFile), baseCommit })
  const results = new Map<string, StoredResult>()
  await runner.group('collect task results', async () => {
    // Downloads side by side (a 300-task level spent minutes on them one at a time), read in order.
    const limit = pLimit(8)
    const downloaded = await Promise.all(order.map(id => limit(() => store.loadResult(id))))
    for (const [i, id] of order.entries()) {
      const r = downloaded[i]
      if (r) {
        results.set(id, r)
        manifest.tasks[id] = r.record
      } else {
        const failedDep = ancestors(graph, id).find(a => !LANDABLE.has(manifest.tasks[a].status))
        manifest.tasks[id] = {
          ...manifest.tasks[id],
          status: failedDep ? 'blocked' : 'cancelled',
          reason: failedDep ? `needs ${failedDep}, which ${manifest.tasks[failedDep].status}` : 'its job did not run or left no result'
        } satisfies TaskRecord
      }
      runner.info(`${id}: ${manifest.tasks[id].status}`)
    }
  })
  // Every leg's agent usage (their artifacts) into one cache book, so later runs today count all of it.
  await store.consolidateLedger()
  const workspace = await openWorkspace(executor, repoRoot, defaultWorkRoot(repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: join(runner.context.tempDir, 'autopilot-work') }))
  // The base commit's own date: re-running finalize rebuilds identical commits, so the push is a no-op.
  const date = await userGit.commitDate(baseCommit)
  const mask = planMasker(plan, runner.env)
  const integration = await integrateGuarded({
    plan,
    planPath: manifest.planPath,
    order,
    results,
    baseCommit,
    date,
    workspace,
    identity: actionIdentity(settings, plan, runner.env),
    home: await originHome(userGit, settings.prToken, runner),
    branch: manifest.branch,
    recorded: await store.loadDelivered(),
    choice: settings,
    how: ACTION_HINTS,
    secrets: namedSecrets(plan, runner.env),
    mask
  })
  manifest.commits = integration.commits
  manifest.diffstats = integration.diffstats
  manifest.gates = integration.gates
  manifest.finishedAt = new Date().toISOString()
  const repo = runner.context.repository
  const runUrl = repo ? `${runner.context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runner.context.runId}` : undefined
  const delivered = await deliver({
    runner,
    settings,
    plan,
    manifest,
    integration,
    repo: workspace.repo,
    checkout: userGit,
    mask,
    logsLocation: runUrl ? `[task artifacts of this run](${runUrl}#artifacts)` : undefined,
    lease: integration.tip,
    recordDelivered: head => store.saveDelivered({ branch: manifest.branch, head, at: new Date().toISOString() })
  })
  const notLanded = plan.tasks.filter(t => !LANDABLE.has(manifest.tasks[t.id].status)).map(t => t.id)
  const problem = delivered.problem
  const failed = notLanded.length > 0 || problem !== undefined
  await store
    .saveRunLogs({
      'summary.md': mask(renderSummary({ plan, manifest })),
      ...(failed ? { 'FAILED.log': mask(renderFailedLog({ plan, manifest, planArg: String(plan.issue), problem })) } : {})
    })
    .catch(e => runner.warning(`autopilot: could not upload the run logs: ${(e as Error).message}`))
  if (failed) {
    throw new TaskFailedError(
      problem ?? `autopilot #${plan.issue}: ${notLanded.length} task(s) did not land (${notLanded.join(', ')}); status ${delivered.status}`,
      notLanded[0] ?? ''
    )
  }
}

/** `dry-run: true`: the job summary says what would run; no comment, pull request or push. */
export async function dryRunReport(plan: Plan, runner: Runner): Promise<void> {
  const { renderDryRun } = await import('../run/dry-run.js')
  const text = renderDryRun(plan)
  runner.info(text)
  await runner.summary(`## autopilot #${plan.issue}: dry run\n\nNothing ran; no branch, pull request or comment was written.\n\n\`\`\`text\n${text}\n\`\`\`\n`)
  runner.setOutput('status', 'dry-run')
}
