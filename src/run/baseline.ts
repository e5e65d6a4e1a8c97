/**
 * The baseline (issue #15): before any task, the plan's baseline commands
 * (default: every distinct task check) run once on the base commit, in a
 * worktree of their own and sandboxed like any check. A check already failing
 * there is "failing before autopilot": a task whose check fails the same way is
 * not blamed for it. A check that passed on the base and fails after a task is
 * a regression, counted for `limits.max-regressions`. Policy `require-green`
 * stops the run before any step when the base is red; `ignore` skips all this.
 */
import type { Baseline, Plan, Task } from '../plan/schema.js'
import type { CommandExecutor } from './executor.js'
import type { Workspace } from './workspace.js'
import { shellRequest, taskShellIn } from './step-env.js'
import { tail } from './expectation.js'
import { attachSetup, type SetupLayer } from './setup-layer.js'

/** One baseline command's outcome on the base commit. */
export interface BaselineCheck {
  command: string
  passed: boolean
  exitCode: number | null
  /** Last lines of its output, when it failed. */
  output?: string
}

/** The baseline of a run, kept in the manifest so a resumed run does not repeat it. */
export interface BaselineRecord {
  baseCommit: string
  policy: Baseline['policy']
  checks: BaselineCheck[]
}

/** How a failing check of a task reads against the baseline. */
export type CheckVerdict = 'failing before autopilot' | 'regression' | 'new'

/** The phrase reports use for a check already red on the base. */
export const PRE_EXISTING = 'failing before autopilot'

const policyOf = (plan: Plan): Baseline['policy'] => plan.baseline.policy

/** The commands to run on the base, each with the task whose environment it runs in. */
export function baselineCommands(plan: Plan): { command: string; task: Task }[] {
  const explicit = 'commands' in plan.baseline ? plan.baseline.commands : undefined
  if (explicit) return explicit.map(command => ({ command, task: plan.tasks[0] }))
  const seen = new Map<string, Task>()
  for (const task of plan.tasks) {
    for (const c of task.checks) {
      const command = typeof c === 'string' ? c : c.run
      if (!seen.has(command)) seen.set(command, task)
    }
  }
  return [...seen].map(([command, task]) => ({ command, task }))
}

/**
 * Runs the baseline on `baseCommit`, or returns `previous` when it was run on
 * the same commit (a resumed run). Undefined under `baseline: ignore`.
 */
export async function runBaseline(input: {
  plan: Plan
  baseCommit: string
  workspace: Workspace
  executor: CommandExecutor
  callerEnv: NodeJS.ProcessEnv
  mask: (text: string) => string
  signal?: AbortSignal
  previous?: BaselineRecord
  /** The setup layer: checks on the base see the dependencies setup installed. */
  setup?: SetupLayer
}): Promise<BaselineRecord | undefined> {
  const { plan, workspace } = input
  const policy = policyOf(plan)
  if (policy === 'ignore') return undefined
  if (input.previous && input.previous.baseCommit === input.baseCommit && input.previous.policy === policy) return input.previous
  const commands = baselineCommands(plan)
  const record: BaselineRecord = { baseCommit: input.baseCommit, policy, checks: [] }
  if (commands.length === 0) return record
  // Not a task id (those cannot start with a dot), so it never meets a task's worktree.
  const name = '.baseline'
  const slot = await workspace.acquire(name, await workspace.repo.treeOf(input.baseCommit), input.baseCommit)
  try {
    const tmpDir = await workspace.freshTmp(name)
    const view = await workspace.prepareSandbox(name, slot.git, tmpDir, input.baseCommit)
    const spec = plan.sandbox === 'off' ? undefined : view.spec
    await attachSetup(input.setup, workspace, name, input.executor, spec)
    for (const { command, task } of commands) {
      const shell = taskShellIn({ plan, task, worktree: slot.path, tmpDir, view, callerEnv: input.callerEnv, mask: input.mask, signal: input.signal ?? new AbortController().signal })
      const r = await input.executor.runStep(shellRequest(shell, command))
      const passed = r.exitCode === 0
      record.checks.push({ command, passed, exitCode: r.exitCode, ...(passed ? {} : { output: tail(r.output, 20) }) })
    }
  } finally {
    // Back to the pool: the first task starts from the same base, so its switch writes nothing.
    await workspace.release(slot)
  }
  return record
}

/** Why the run must stop before any task (`require-green` on a red base), if it must. */
export function baselineStop(record: BaselineRecord | undefined): string | undefined {
  if (!record || record.policy !== 'require-green') return undefined
  const red = record.checks.filter(c => !c.passed)
  if (red.length === 0) return undefined
  return `baseline: ${red.length} check(s) ${PRE_EXISTING} (${red.map(c => c.command).join(', ')}) and baseline is require-green`
}

/**
 * Judges task checks against the baseline and counts regressions (checks
 * that passed on the base and fail after a task) for `limits.max-regressions`.
 */
export class BaselineJudge {
  regressions = 0
  constructor(
    private readonly record: BaselineRecord | undefined,
    private readonly maxRegressions?: number
  ) {}

  /** A failing check: already red on the base with the same exit code, a regression, or new (no baseline). */
  judge(command: string, exitCode: number | null): CheckVerdict {
    const base = this.record?.checks.find(c => c.command === command)
    if (!base) return 'new'
    if (!base.passed && base.exitCode === exitCode) return PRE_EXISTING
    if (base.passed) this.regressions++
    return base.passed ? 'regression' : 'new'
  }

  /** The breaker, once `limits.max-regressions` is reached. */
  tripped(): string | undefined {
    const max = this.maxRegressions
    if (max === undefined || this.regressions < max) return undefined
    return `max-regressions (${max}) reached: ${this.regressions} check(s) that passed on the base failed after a task`
  }
}

/** Markdown lines for the summary: what was already red before autopilot touched anything. */
export function renderBaseline(record: BaselineRecord | undefined): string {
  if (!record || record.checks.length === 0) return ''
  const red = record.checks.filter(c => !c.passed)
  const lines = ['', `## Baseline (${record.baseCommit.slice(0, 12)}, policy ${record.policy})`, '']
  if (red.length === 0) lines.push(`All ${record.checks.length} baseline check(s) passed on the base.`)
  for (const c of record.checks) lines.push(`- \`${c.command}\`: ${c.passed ? 'passed' : `**${PRE_EXISTING}** (exit ${c.exitCode})`}`)
  return lines.join('\n') + '\n'
}
