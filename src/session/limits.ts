/**
 * Session limits as a pure decision: may another plan start now? A running
 * plan is never cut short by a session limit (it has its own breakers); the
 * limits only stop new plans from starting.
 */
import type { SessionLimits, SessionPlan } from './types.js'

const FAILED = new Set(['failed', 'stopped', 'error'])

/** Failed plans at the end of the finished ones, in the order they finished. */
export function consecutiveFailures(plans: readonly SessionPlan[]): number {
  const done = plans.filter(p => p.finishedAt && p.outcome !== 'not-started').sort((a, b) => a.finishedAt!.localeCompare(b.finishedAt!))
  let n = 0
  for (let i = done.length - 1; i >= 0 && FAILED.has(done[i].outcome); i--) n++
  return n
}

/** The limit that forbids starting another plan, or undefined when one may start. */
export function sessionStop(input: { limits: SessionLimits; plans: readonly SessionPlan[]; startedAt: Date; now: Date }): string | undefined {
  const { limits, plans } = input
  const started = plans.filter(p => p.startedAt !== undefined)
  if (limits.maxPlans !== undefined && started.length >= limits.maxPlans) return `--max-plans (${limits.maxPlans}) reached`
  const tasks = plans.reduce((n, p) => n + (p.tasksRun ?? 0), 0)
  if (tasks >= limits.maxTasks) return `--max-tasks (${limits.maxTasks}) reached: ${tasks} tasks ran`
  const hours = (input.now.getTime() - input.startedAt.getTime()) / 3_600_000
  if (hours >= limits.maxHours) return `--max-hours (${limits.maxHours}) reached`
  const failed = consecutiveFailures(plans)
  if (failed >= limits.maxFailedPlans) return `--max-failed-plans (${limits.maxFailedPlans}) reached: ${failed} failed plan(s) in a row`
  return undefined
}
