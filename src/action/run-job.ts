/**
 * `command: run`: the whole plan in one job with the local engine (state in
 * the runner's workspace), then the same delivery as `finalize`.
 */
import { runLocal } from '../run/local-run.js'
import { planMasker } from '../run/secrets.js'
import { TaskFailedError } from '../errors.js'
import { openActionPlan } from './open.js'
import { deliver } from './deliver.js'
import { hostEnabler } from '../run/enable-namespaces.js'
import type { Runner } from './runner.js'
import type { Settings } from './settings.js'

export async function runJob(settings: Settings, runner: Runner): Promise<void> {
  const { loaded, planArg, userGit, executor, sandboxOffBy } = await openActionPlan(settings, runner)
  const plan = loaded.plan
  if (settings.dryRun) {
    const { renderDryRun } = await import('../run/dry-run.js')
    runner.info(renderDryRun(plan))
    return
  }
  const result = await runLocal({
    planArg,
    cwd: runner.context.workspace,
    env: { ...runner.env, AUTOPILOT_WORK_DIR: runner.env.AUTOPILOT_WORK_DIR ?? `${runner.context.tempDir}/autopilot-work` },
    jobs: settings.maxParallel,
    out: text => runner.info(text.replace(/\n$/, '')),
    isTTY: false,
    executor,
    sandboxOffBy,
    enableSandbox: hostEnabler(executor)
  })
  const m = result.manifest
  await deliver({
    runner,
    settings,
    plan,
    manifest: m,
    integration: { commits: m.commits ?? {}, head: result.head, gates: m.gates ?? [], problem: result.integrationProblem },
    repo: userGit,
    checkout: userGit,
    mask: planMasker(plan, runner.env)
  })
  if (result.exitCode !== 0) throw new TaskFailedError(`autopilot #${plan.issue} did not complete (exit ${result.exitCode}); see the summary`, '')
}
