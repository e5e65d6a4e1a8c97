/**
 * `command: task`: one matrix leg. Runs its task(s) exactly as the local
 * engine does, with the dependencies' results downloaded from this run's
 * artifacts; uploads each result as an artifact; reuses cached results.
 */
import { join } from 'node:path'
import { ancestors, buildGraph } from '../graph/graph.js'
import { LANDABLE, type TaskRecord } from '../state/manifest.js'
import type { StoredResult } from '../state/store.js'
import { sha256 } from '../state/keys.js'
import type { Reporter } from '../report/reporter.js'
import { defaultWorkRoot, openWorkspace } from '../run/workspace.js'
import { executeTask } from '../run/execute-task.js'
import { createTaskContext } from '../run/task-context.js'
import { secretValues } from '../run/secrets.js'
import { decideSandbox } from '../run/sandbox-gate.js'
import { hostEnabler } from '../run/enable-namespaces.js'
import { TaskFailedError, UsageError } from '../errors.js'
import { openActionPlan } from './open.js'
import { openActionsStore } from './store.js'
import type { Runner } from './runner.js'
import type { Settings } from './settings.js'
import { preparePlanFiles } from './setup-job.js'

export async function taskJob(settings: Settings, runner: Runner): Promise<void> {
  const { loaded, repoRoot, userGit, executor, sandboxOffBy, planFile } = await openActionPlan(settings, runner)
  const plan = loaded.plan
  for (const id of settings.tasks) {
    if (!plan.tasks.some(t => t.id === id)) {
      throw new UsageError(`input "task" names "${id}", which is not a task of ${loaded.file}; tasks: ${plan.tasks.map(t => t.id).join(', ')}`)
    }
  }
  if (settings.dryRun) {
    // `dry-run: true`: say what would run, run no step, store nothing.
    const { renderDryRun } = await import('../run/dry-run.js')
    runner.info(`dry run: this leg would run ${settings.tasks.join(', ')}\n${renderDryRun(plan)}`)
    runner.setOutput('status', 'dry-run')
    return
  }
  const graph = buildGraph(plan.tasks)
  const baseCommit = await userGit.commitOf('HEAD')
  const sandbox = await decideSandbox({ executor, plan, offBy: sandboxOffBy, enable: hostEnabler(executor) })
  if (sandbox.note) (sandbox.sandboxed ? runner.info : runner.warning).call(runner, sandbox.note)
  const store = openActionsStore(runner, plan.issue)
  for (const v of secretValues(plan, runner.env)) runner.setSecret(v)
  const reporter: Reporter = {
    event: e => {
      if (e.type === 'output') runner.info(e.line)
      else if (e.type === 'note') (e.level === 'warning' ? runner.warning : runner.info).call(runner, e.message)
      else if (e.type === 'step') runner.info(`── step ${e.step.index + 1} ${e.step.name}: ${e.step.status}${e.step.message ? ` (${e.step.message})` : ''}`)
    }
  }
  const workspace = await openWorkspace(executor, repoRoot, defaultWorkRoot(repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: join(runner.context.tempDir, 'autopilot-work') }))
  // The plan folder's copy and the setup layer (restored from the Actions cache): src/action/setup-job.ts.
  // Tasks read the sandbox decision from their plan: `sandbox: off` however it was turned off.
  const files = await preparePlanFiles({
    role: 'task', plan: sandbox.sandboxed ? plan : { ...plan, sandbox: 'off' as const }, planFile, repoRoot, baseCommit, workspace, executor, runner
  })
  const ctx = await createTaskContext({
    plan: files.plan,
    baseCommit,
    executor,
    store,
    repoRoot,
    workspace,
    callerEnv: runner.env,
    reporter,
    logRoot: join(runner.context.tempDir, 'autopilot-logs'),
    planDir: files.planDir,
    backoffMs: 2000
  })
  ctx.setup = files.setup
  const mask = ctx.mask
  const results = new Map<string, StoredResult>()
  const statuses: string[] = []
  for (const id of settings.tasks) {
    const result = await runner.group(`task ${id}`, async () => {
      const deps: StoredResult[] = []
      for (const a of ancestors(graph, id)) {
        const r = results.get(a) ?? (await store.loadResult(a))
        if (!r || !LANDABLE.has(r.record.status)) return await blocked(id, a, r?.record, store)
        results.set(a, r)
        deps.push(r)
      }
      return await executeTask(ctx, id, deps, new AbortController().signal)
    })
    results.set(id, result)
    statuses.push(result.record.status)
    const r = result.record
    runner.info(`task ${id}: ${r.status}${r.reason ? `: ${mask(r.reason.split('\n')[0])}` : ''}`)
    if (!LANDABLE.has(r.status) && r.status !== 'blocked') {
      runner.error(mask(`task ${id} ${r.status}${r.failedStep ? ` at step "${r.failedStep}"` : ''}: ${(r.reason ?? '').split('\n')[0]}`), {
        title: `autopilot: task ${id} ${r.status}`
      })
    }
  }
  const notLanded = settings.tasks.filter((_, i) => !LANDABLE.has(statuses[i] as TaskRecord['status']))
  // Only a task that failed makes its leg red: a blocked one finishes green with a notice naming the root cause.
  const failed = notLanded.filter(id => results.get(id)!.record.status !== 'blocked')
  for (const id of notLanded.filter(id => !failed.includes(id))) {
    runner.notice(mask(`task ${id} blocked: ${results.get(id)!.record.reason ?? ''}; it did not run, finalize reports it`), {
      title: `autopilot: task ${id} blocked`
    })
  }
  runner.setOutput('status', failed.length ? 'failed' : notLanded.length ? 'blocked' : 'succeeded')
  if (failed.length) {
    throw new TaskFailedError(`task ${failed.join(', ')} did not succeed; see the log group and the annotations above`, failed[0])
  }
}

/** A task whose dependency did not land: recorded (and uploaded) as blocked, never run. */
async function blocked(id: string, dep: string, depRecord: TaskRecord | undefined, store: { saveResult(r: StoredResult): Promise<void> }) {
  const patch = Buffer.alloc(0)
  const record: TaskRecord = {
    id,
    status: 'blocked',
    attempts: 0,
    steps: [],
    gates: [],
    patchDigest: sha256(patch),
    // The root cause travels down a chain of blocked tasks: `needs c, which is blocked because needs b, which failed`.
    reason: !depRecord
      ? `needs ${dep}, which has no result in this run`
      : depRecord.status === 'blocked'
        ? `needs ${dep}, which is blocked because ${depRecord.reason ?? 'a task before it did not land'}`
        : `needs ${dep}, which ${depRecord.status}`
  }
  const result = { record, patch }
  await store.saveResult(result)
  return result
}
