/**
 * The `silent-success` gate: a task whose steps were meant to change files
 * (agent steps by default) but left no diff has not done its job, even if
 * every step exited 0. Pure.
 */
import type { Plan, Step, Task } from '../plan/schema.js'
import type { ChangeSet, GateDecision } from './types.js'

/** Whether a step must change files: `expect.changes` when set, otherwise true for agent steps. */
export function expectsChanges(step: Step): boolean {
  return step.expect?.changes ?? step.agent !== undefined
}

/** The plan path of a task, e.g. `tasks[2]`, or by id when it is not in the plan. */
export function taskRef(plan: Plan, task: Task): string {
  const index = plan.tasks.findIndex((t) => t.id === task.id)
  return index >= 0 ? `tasks[${index}]` : `tasks[id=${task.id}]`
}

/** `silent-success`: steps that expect changes produced a diff. */
export function silentSuccessGate(
  changes: ChangeSet,
  plan: Plan,
  task: Task,
  stepsExpectedChanges?: boolean
): GateDecision {
  const expecting = task.steps.flatMap((s, i) => (expectsChanges(s) ? [i] : []))
  const expected = stepsExpectedChanges ?? expecting.length > 0
  if (!expected) return { gate: 'silent-success', allowed: true, reason: 'no step expects changes' }
  if (changes.files.length > 0) {
    return { gate: 'silent-success', allowed: true, reason: `steps expected changes and ${changes.files.length} file(s) changed` }
  }
  const ref = taskRef(plan, task)
  const settings = (expecting.length ? expecting : task.steps.map((_, i) => i)).map(
    (i) => `${ref}.steps[${i}].expect.changes: false`
  )
  return {
    gate: 'silent-success',
    allowed: false,
    reason:
      'the steps exited 0 but changed nothing although they were expected to (agent steps are by default): ' +
      'an agent that silently did nothing must not pass as done',
    optIn: settings.join(' and ')
  }
}
