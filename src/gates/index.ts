/**
 * Safety gates (issue #4): pure functions over a task, its plan settings and
 * its real change, each answering allowed or denied with the reason and the
 * exact plan setting that would allow it. Run on every task's diff after its
 * steps, and on the integrated branch before anything is pushed.
 */
import type { Plan, Task } from '../plan/schema.js'
import type { ChangeSet, GateDecision } from './types.js'
import { deletesGate, escapesGate, pathsGate, protectedGate, type GateScope } from './path-gates.js'
import { secretsGate } from './secrets-gate.js'
import { secretValuesGate, type NamedSecret } from './secret-values-gate.js'
import { silentSuccessGate, taskRef } from './silent-success.js'
import { sizeGate } from './size-gate.js'
import { forbidAddedGate } from './forbid-added.js'

export { expectsChanges } from './silent-success.js'
export { DEFAULT_PROTECTED, isProtectedPath, normalizeForProtection } from './path-rules.js'
export type { ChangeSet, FileChange, GateDecision, GateName } from './types.js'
export type { NamedSecret } from './secret-values-gate.js'

/** The scope of one task: its own `paths` plus `gates.allow-paths` (its `paths` default to the latter). */
export function taskScope(plan: Plan, task: Task): GateScope {
  const allowPaths = plan.gates['allow-paths']
  const own = task.paths ?? []
  return {
    gates: plan.gates,
    allowed: [...new Set([...own, ...allowPaths])],
    execAllowed: task.paths ?? allowPaths,
    pathsSetting: plan.tasks.some((t) => t.id === task.id) ? `${taskRef(plan, task)}.paths` : 'gates.allow-paths',
    pathsCurrent: plan.tasks.some((t) => t.id === task.id) ? own : allowPaths
  }
}

/** The scope of the integrated branch: every task's `paths` plus `gates.allow-paths`. */
export function runScope(plan: Plan): GateScope {
  const allowPaths = plan.gates['allow-paths']
  const union = [...new Set([...plan.tasks.flatMap((t) => t.paths ?? []), ...allowPaths])]
  return { gates: plan.gates, allowed: union, execAllowed: union, pathsSetting: 'gates.allow-paths', pathsCurrent: allowPaths }
}

/**
 * Every gate for one task's change, allowed ones included so reports can show
 * them: paths, protected, escapes, deletes, size, secrets, silent-success.
 * `stepsExpectedChanges` overrides what the task's steps declare (see `expectsChanges`).
 */
export async function evaluateTaskGates(input: {
  task: Task
  plan: Plan
  changes: ChangeSet
  stepsExpectedChanges?: boolean
  /** Values the plan hands to tasks (see src/run/secrets.ts): none may land. */
  secrets?: readonly NamedSecret[]
}): Promise<GateDecision[]> {
  const { task, plan, changes } = input
  const scope = taskScope(plan, task)
  return [
    pathsGate(changes, scope),
    protectedGate(changes, plan.gates),
    escapesGate(changes, scope),
    deletesGate(changes, plan.gates),
    sizeGate(changes, plan.gates, 'task'),
    await secretsGate(changes, plan.gates),
    secretValuesGate(changes, plan.gates, input.secrets ?? []),
    silentSuccessGate(changes, plan, task, input.stepsExpectedChanges),
    forbidAddedGate(changes, plan.gates)
  ]
}

/**
 * Every gate for the integrated branch against the base, before it is pushed:
 * paths (union of all tasks), protected, escapes, deletes, run-level size, secrets.
 */
export async function evaluateRunGates(input: { plan: Plan; changes: ChangeSet; secrets?: readonly NamedSecret[] }): Promise<GateDecision[]> {
  const { plan, changes } = input
  const scope = runScope(plan)
  return [
    pathsGate(changes, scope),
    protectedGate(changes, plan.gates),
    escapesGate(changes, scope),
    deletesGate(changes, plan.gates),
    sizeGate(changes, plan.gates, 'run'),
    await secretsGate(changes, plan.gates),
    secretValuesGate(changes, plan.gates, input.secrets ?? [])
  ]
}

/** One denial as every report and reason says it: the gate, why, and the setting that would allow it. */
export function renderDenial(d: GateDecision): string {
  return `${d.gate}: ${d.reason}${optInHint(d)}`
}

/** ` (to allow: <setting>)`, or nothing when no setting allows it. */
export function optInHint(d: GateDecision): string {
  return d.optIn ? ` (to allow: ${d.optIn})` : ''
}

/** Several denials on one line. */
export function denialText(decisions: readonly GateDecision[]): string {
  return decisions.map(renderDenial).join('; ')
}

/**
 * A decision with every text masked: reasons, opt-in hints and findings are
 * built from file names, which a step chooses (a file named after a secret).
 */
export function maskDecision(d: GateDecision, mask: (text: string) => string): GateDecision {
  return {
    ...d,
    reason: mask(d.reason),
    ...(d.optIn !== undefined ? { optIn: mask(d.optIn) } : {}),
    ...(d.findings ? { findings: d.findings.map(mask) } : {})
  }
}

/** The decisions that deny. */
export function denied(decisions: readonly GateDecision[]): GateDecision[] {
  return decisions.filter((d) => !d.allowed)
}
