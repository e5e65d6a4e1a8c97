/**
 * One task, the same way in every deployment: reuse a kept result of this run,
 * else a content-addressed cached one, else run it; then store the result.
 * The local engine calls it from its scheduler, the Action once per matrix leg.
 */
import { join, relative } from 'node:path'
import type { Plan } from '../plan/schema.js'
import { LANDABLE, type TaskRecord } from '../state/manifest.js'
import type { StateStore, StoredResult } from '../state/store.js'
import { taskKey } from '../state/keys.js'
import type { Reporter } from '../report/reporter.js'
import type { CommandExecutor } from './executor.js'
import type { Workspace } from './workspace.js'
import type { AgentCalls } from './step-runner.js'
import { runTask } from './task-runner.js'
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
  const hit = env.noCache ? undefined : await store.lookup(key)
  if (hit && LANDABLE.has(hit.record.status)) {
    const cached = { record: { ...hit.record, status: 'cached' as const }, patch: hit.patch }
    await store.saveResult(cached)
    return cached
  }
  const logDir = join(env.logRoot, id)
  const result = await runTask({
    plan,
    task,
    dependencies: ancestors,
    baseCommit: env.baseCommit,
    key,
    workspace: env.workspace,
    executor: env.executor,
    callerEnv: env.callerEnv,
    mask: env.mask,
    agents: env.agents,
    logDir,
    reporter: env.reporter,
    signal,
    backoffMs: env.backoffMs,
    baseline: env.baseline,
    setup: env.setup
  })
  const rel = (p: string | undefined) => (p ? relative(env.logBase, p) : p)
  result.record.log = rel(result.record.log)
  for (const s of result.record.steps) s.log = rel(s.log)
  await store.saveResult(result, logDir)
  if (result.record.status === 'succeeded') await store.remember(key, result).catch(() => {})
  return result
}
