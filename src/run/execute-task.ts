/**
 * One task, the same way in every deployment: reuse a kept result of this run,
 * else a content-addressed cached one, else run it; then store the result.
 * The local engine calls it from its scheduler, the Action once per matrix leg.
 */
import { join, relative } from 'node:path'
import { redactSecrets } from '../gates/secrets-gate.js'
import type { Task } from '../plan/schema.js'
import { LANDABLE } from '../state/manifest.js'
import type { StoredResult } from '../state/store.js'
import { taskKey } from '../state/keys.js'
import { REPLAY_FAILED, runTask } from './task-runner.js'
import { warnOnFailure, type TaskContext } from './task-context.js'

/**
 * Runs (or reuses) task `id` given its ancestors' results in patch order.
 * Resolves with the result, already saved to the store; never rejects for a
 * task's own failure (only for a tripped breaker or a broken store).
 */
export async function executeTask(ctx: TaskContext, id: string, ancestors: StoredResult[], signal: AbortSignal): Promise<StoredResult> {
  const { plan, store } = ctx
  const task = plan.tasks.find(t => t.id === id)!
  const key = taskKey({
    plan,
    task,
    baseTree: ctx.baseTree,
    dependencyDigests: ancestors.map(d => d.record.patchDigest ?? ''),
    setupKey: ctx.setup?.key,
    planDirDigest: ctx.planDir?.digest
  })
  const prev = ctx.carried?.get(id)
  if (prev && LANDABLE.has(prev.status) && prev.key === key) {
    const kept = await store.loadResult(id)
    if (kept) return kept
  }
  const rebased = await rebase(ctx, task, key, ancestors, signal)
  if (rebased) return rebased
  const hit = ctx.noCache ? undefined : await store.lookup(key)
  if (hit && LANDABLE.has(hit.record.status)) {
    const cached = { record: { ...hit.record, status: 'cached' as const }, patch: hit.patch }
    await store.saveResult(cached)
    return cached
  }
  const logDir = join(ctx.logRoot, id)
  const result = await runTask(ctx, task, { dependencies: ancestors, key, logDir, signal })
  const rel = (p: string | undefined) => (p ? relative(ctx.logBase, p) : p)
  result.record.log = rel(result.record.log)
  for (const s of result.record.steps) s.log = rel(s.log)
  // A denied change is kept as evidence (and uploaded on Actions): never with the secret in it.
  if (result.record.status === 'denied') {
    const text = result.patch.toString('utf8')
    const redacted = await redactSecrets(ctx.mask(text), 'patch.diff')
    if (redacted !== text) result.patch = Buffer.from(redacted)
  }
  await store.saveResult(result, logDir)
  if (result.record.status === 'succeeded') await store.remember(key, result).catch(warnOnFailure(ctx.reporter, `could not cache the result of task ${id}`))
  return result
}

/**
 * `run --rebase`: a task that succeeded in the run being moved, all of whose ancestors were kept the same way,
 * is replayed on the new start tree. Kept when its patch applies and its checks and gates pass again (its tries
 * count stays); otherwise undefined, and the task runs.
 */
async function rebase(ctx: TaskContext, task: Task, key: string, ancestors: StoredResult[], signal: AbortSignal): Promise<StoredResult | undefined> {
  const prev = ctx.rebaseFrom?.get(task.id)
  if (!prev || !LANDABLE.has(prev.status) || !ancestors.every(a => a.record.rebased)) return undefined
  const kept = await ctx.store.loadResult(task.id)
  if (!kept || kept.record.patchDigest !== prev.patchDigest) return undefined
  const logDir = join(ctx.logRoot, task.id)
  const result = await runTask(ctx, task, { dependencies: ancestors, key, logDir, signal, replay: kept.patch })
  if (result.record.status !== 'succeeded') {
    const why = result.record.reason === REPLAY_FAILED ? REPLAY_FAILED : `its checks or gates no longer pass (${result.record.reason?.split('\n')[0] ?? result.record.status})`
    ctx.reporter.event({ type: 'note', message: `rebase: ${task.id} runs again: ${why}` })
    return undefined
  }
  result.record.attempts = prev.attempts
  result.record.rebased = true
  result.record.usage = prev.usage
  const rel = (p: string | undefined) => (p ? relative(ctx.logBase, p) : p)
  result.record.log = rel(result.record.log)
  for (const s of result.record.steps) s.log = rel(s.log)
  await ctx.store.saveResult(result, logDir)
  return result
}
