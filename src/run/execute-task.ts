/**
 * One task, the same way in every deployment: reuse a kept result of this run,
 * else a content-addressed cached one, else run it; then store the result.
 * The local engine calls it from its scheduler, the Action once per matrix leg.
 */
import { join, relative } from 'node:path'
import { redactSecrets } from '../gates/secrets-gate.js'
import { LANDABLE } from '../state/manifest.js'
import type { StoredResult } from '../state/store.js'
import { taskKey } from '../state/keys.js'
import { runTask } from './task-runner.js'
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
