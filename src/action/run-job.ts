/**
 * `command: run`: the whole plan in one job with the local engine (state in
 * the runner's workspace), then the same delivery as `finalize`.
 */
import { runLocal } from '../run/local-run.js'
import { planMasker } from '../run/secrets.js'
import { TaskFailedError } from '../errors.js'
import { openActionPlan } from './open.js'
import { hostEnabler } from '../run/enable-namespaces.js'
import { deliver, originHome } from './deliver.js'
import { dryRunReport } from './finalize-job.js'
import { actionIdentity } from './identity.js'
import type { Runner } from './runner.js'
import type { Settings } from './settings.js'

export async function runJob(settings: Settings, runner: Runner): Promise<void> {
  const { loaded, planArg, userGit, executor, sandboxOffBy } = await openActionPlan(settings, runner)
  const plan = loaded.plan
  if (settings.dryRun) return await dryRunReport(plan, runner)
  const result = await runLocal({
    planArg,
    cwd: runner.context.workspace,
    env: { ...runner.env, AUTOPILOT_WORK_DIR: runner.env.AUTOPILOT_WORK_DIR ?? `${runner.context.tempDir}/autopilot-work` },
    jobs: settings.maxParallel,
    out: text => runner.info(text.replace(/\n$/, '')),
    isTTY: false,
    executor,
    sandboxOffBy,
    enableSandbox: hostEnabler(executor),
    branchChoice: settings,
    branchHome: await originHome(userGit, settings.prToken, runner),
    identity: actionIdentity(settings, plan, runner.env),
    rebase: settings.rebase
  })
  const m = result.manifest
  const delivered = await deliver({
    runner,
    settings,
    plan,
    manifest: m,
    integration: { commits: m.commits ?? {}, head: result.head, gates: m.gates ?? [], problem: result.integrationProblem, checked: result.checked },
    repo: userGit,
    checkout: userGit,
    mask: planMasker(plan, runner.env),
    lease: result.tipBefore
  })
  if (delivered.problem && !result.integrationProblem) throw new TaskFailedError(`autopilot #${plan.issue}: ${delivered.problem}`, '')
  if (result.exitCode !== 0) throw new TaskFailedError(`autopilot #${plan.issue} did not complete (exit ${result.exitCode}); see the summary`, '')
}
