/**
 * One task, the same way in every deployment: reuse a kept result of this run,
 * else a content-addressed cached one, else run it; then store the result.
 * The local engine calls it from its scheduler, the Action once per matrix leg.
 */
import { join, relative } from 'node:path'
import { redactSecrets } from '../gates/secrets-gate.js'
import type { Plan, Task } from '../plan/schema.js'
import { LANDABLE, type TaskRecord } from '../state/manifest.js'
import type { StateStore, StoredResult } from '../state/store.js'
import { taskKey } from '../state/keys.js'
import type { Reporter } from '../report/reporter.js'
import type { CommandExecutor } from './executor.js'
import type { Workspace } from './workspace.js'
import type { AgentCalls } from './step-runner.js'
import { REPLAY_FAILED, runTask, type TaskRunInput } from './task-runner.js'
import type { BaselineJudge } from './baseline.js'
import type { SetupLayer } from './setup-layer.js'
import type { PlanDirCopy } from './plan-dir.js'

export interface TaskEnvironment {
  plan: Plan
  baseCommit: string
  baseTree: string
  workspace: Workspace
  executor: CommandExecutor
  store: StateStore
  callerEnv: NodeJS.ProcessEnv
  mask: (text: string) => string
  agents: AgentCalls
  reporter: Reporter
  /** Folder for logs: one subfolder per task. */
  logRoot: string
  /** Log paths in records are relative to this folder. */
  logBase: string
  backoffMs: number
  /** Records kept from an earlier attempt of this run (resume). */
  carried?: ReadonlyMap<string, TaskRecord>
  /** Skip content-addressed results (`--fresh`: start over for real). */
  noCache?: boolean
  /** Checks already failing on the base are not blamed on a task (src/run/baseline.ts). */
  baseline?: BaselineJudge
  /** What the plan's setup left (src/run/setup.ts). */
  setup?: SetupLayer
  /** The read-only copy of the plan folder steps see at $AUTOPILOT_PLAN_DIR (src/run/plan-dir.ts). */
  planDir?: PlanDirCopy
  /**
   * `run --rebase`: the records of the run being moved onto the new base. A task that succeeded there, whose
   * ancestors were all kept too, is replayed (its patch applied, its checks and gates run again) instead of re-run.
   */
  rebaseFrom?: ReadonlyMap<string, TaskRecord>
}

/**
 * Runs (or reuses) task `id` given its ancestors' results in patch order.
 * Resolves with the result, already saved to the store; never rejects for a
 * task's own failure (only for a tripped breaker or a broken store).
 */
export async function executeTask(env: TaskEnvironment, id: string, ancestors: StoredResult[], signal: AbortSignal): Promise<StoredResult> {
  const { plan, store } = env
  const task = plan.tasks.find(t => t.id === id)!
  const key = taskKey({
    plan,
    task,
    baseTree: env.baseTree,
    dependencyDigests: ancestors.map(d => d.record.patchDigest ?? ''),
    setupKey: env.setup?.key,
    planDirDigest: env.planDir?.digest
  })
  const prev = env.carried?.get(id)
  if (prev && LANDABLE.has(prev.status) && prev.key === key) {
    const kept = await store.loadResult(id)
    if (kept) return kept
  }
  const rebased = await rebase(env, task, key, ancestors, signal)
  if (rebased) return rebased
  const hit = env.noCache ? undefined : await store.lookup(key)
  if (hit && LANDABLE.has(hit.record.status)) {
    const cached = { record: { ...hit.record, status: 'cached' as const }, patch: hit.patch }
    await store.saveResult(cached)
    return cached
  }
  const result = await runTask(taskInput(env, task, key, ancestors, signal))

  const rel = (p: string | undefined) => (p ? relative(env.logBase, p) : p)
  result.record.log = rel(result.record.log)
  for (const s of result.record.steps) s.log = rel(s.log)
  // A denied change is kept as evidence (and uploaded on Actions): never with the secret in it.
  if (result.record.status === 'denied') {
    const text = result.patch.toString('utf8')
    const redacted = await redactSecrets(env.mask(text), 'patch.diff')
    if (redacted !== text) result.patch = Buffer.from(redacted)
  }
  await store.saveResult(result, join(env.logRoot, id))
  if (result.record.status === 'succeeded') await store.remember(key, result).catch(() => {})
  return result
}

function taskInput(env: TaskEnvironment, task: Task, key: string, ancestors: StoredResult[], signal: AbortSignal): TaskRunInput {
  return {
    plan: env.plan,
    task,
    dependencies: ancestors,
    baseCommit: env.baseCommit,
    key,
    workspace: env.workspace,
    executor: env.executor,
    callerEnv: env.callerEnv,
    mask: env.mask,
    agents: env.agents,
    logDir: join(env.logRoot, task.id),
    reporter: env.reporter,
    signal,
    backoffMs: env.backoffMs,
    baseline: env.baseline,
    setup: env.setup
  }
}

/**
 * `run --rebase`: a task that succeeded in the run being moved, all of whose ancestors were kept the same way,
 * is replayed on the new start tree. Kept when its patch applies and its checks and gates pass again (its tries
 * count stays); otherwise undefined, and the task runs.
 */
async function rebase(env: TaskEnvironment, task: Task, key: string, ancestors: StoredResult[], signal: AbortSignal): Promise<StoredResult | undefined> {
  const prev = env.rebaseFrom?.get(task.id)
  if (!prev || !LANDABLE.has(prev.status) || !ancestors.every(a => a.record.rebased)) return undefined
  const kept = await env.store.loadResult(task.id)
  if (!kept || kept.record.patchDigest !== prev.patchDigest) return undefined
  const result = await runTask({ ...taskInput(env, task, key, ancestors, signal), replay: kept.patch })
  if (result.record.status !== 'succeeded') {
    const why = result.record.reason === REPLAY_FAILED ? REPLAY_FAILED : `its checks or gates no longer pass (${result.record.reason?.split('\n')[0] ?? result.record.status})`
    env.reporter.event({ type: 'note', message: `rebase: ${task.id} runs again: ${why}` })
    return undefined
  }
  result.record.attempts = prev.attempts
  result.record.rebased = true
  result.record.usage = prev.usage
  const rel = (p: string | undefined) => (p ? relative(env.logBase, p) : p)
  result.record.log = rel(result.record.log)
  for (const s of result.record.steps) s.log = rel(s.log)
  await env.store.saveResult(result, join(env.logRoot, task.id))
  return result
}
