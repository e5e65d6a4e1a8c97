/** Content addresses: a task's result is reusable when these inputs are unchanged. */
import { createHash } from 'node:crypto'
import type { Plan, Task } from '../plan/schema.js'
import { keyedEnv } from '../plan/plan-files.js'

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** JSON with sorted keys, so equal data always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v
  )
}

/**
 * The key of a task's result: its own definition, the plan settings that shape
 * how it runs (defaults, gates, agents, intent), the base tree, and the digests
 * of its dependencies' patches in the order they are applied.
 */
export function taskKey(input: {
  plan: Plan
  task: Task
  baseTree: string
  dependencyDigests: string[]
  /** The setup layer's key, when the plan has setup steps. */
  setupKey?: string
  /** The digest of the plan folder's files (prompts, helper scripts). */
  planDirDigest?: string
}): string {
  const { plan, task } = input
  return sha256(
    canonicalJson({
      v: 1,
      task,
      defaults: { ...plan.defaults, env: keyedEnv(plan.defaults.env) },
      gates: plan.gates,
      agents: plan.agents,
      intent: plan.intent,
      baseTree: input.baseTree,
      deps: input.dependencyDigests,
      ...(input.setupKey ? { setup: input.setupKey } : {}),
      ...(input.planDirDigest ? { planDir: input.planDirDigest } : {})
    })
  )
}
