/** What every action command starts from: settings, the plan, the checkout and the executor. */
import { openRepoPlan } from '../run/open-repo-plan.js'
import { ProcessExecutor } from '../run/executor.js'
import { UsageError } from '../errors.js'
import { sandboxOffInEnv } from '../run/sandbox-gate.js'
import type { Runner } from './runner.js'
import type { Settings } from './settings.js'

export async function openActionPlan(settings: Settings, runner: Runner) {
  const planArg = settings.plan || (runner.context.issueNumber !== undefined ? String(runner.context.issueNumber) : '')
  if (!planArg) {
    throw new UsageError('input "plan" is empty and the event has no issue; pass `plan:` (a path or an issue number)')
  }
  const sandboxOffBy = settings.sandbox === 'off' ? 'the action input `sandbox: off`' : sandboxOffInEnv(runner.env)
  const executor = new ProcessExecutor(undefined, { sandbox: sandboxOffBy === undefined })
  const opened = await openRepoPlan(planArg, runner.context.workspace, executor)
  return { ...opened, planArg, executor, sandboxOffBy }
}
