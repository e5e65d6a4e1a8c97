/**
 * The environment a step sees: a minimal base, the plan's `env`, and only the
 * caller's variables the plan names in `pass-env` (whose values are secrets and
 * get masked). Nothing else of the caller's environment leaks in, so tokens such
 * as GITHUB_TOKEN reach a step only when the plan names them.
 */
import type { Plan, Step, Task } from '../plan/schema.js'
import type { StepRequest } from './executor.js'
import type { SandboxSpec } from './sandbox.js'
import type { TaskSandbox } from './workspace.js'

/** Variables every step gets from the caller (if set), because tools break without them. */
export const BASE_ENV_NAMES = ['PATH', 'HOME', 'LANG', 'TZ', 'TERM'] as const

export interface StepEnv {
  env: Record<string, string>
  /** Values to mask in every log and report. */
  secrets: string[]
  /** `pass-env` names the caller does not have. */
  missing: string[]
}

export function buildStepEnv(input: {
  caller: NodeJS.ProcessEnv
  plan: Plan
  task: Task
  step: Step
  tmpDir: string
  /** The task's own HOME (fresh per task, kept across its steps); the caller's HOME is never a step's. */
  home?: string
  /** Extra names to pass (an agent's credentials). */
  passExtra?: string[]
  /** Variables autopilot sets itself (AUTOPILOT_TASK...). */
  own?: Record<string, string>
}): StepEnv {
  const { caller, plan, task, step } = input
  const env: Record<string, string> = {}
  for (const name of BASE_ENV_NAMES) {
    const v = caller[name]
    if (v !== undefined) env[name] = v
  }
  env.LANG ??= 'C.UTF-8'
  env.PATH ??= '/usr/local/bin:/usr/bin:/bin'
  env.TMPDIR = input.tmpDir
  if (input.home !== undefined) env.HOME = input.home
  env.CI = 'true'
  // AUTOPILOT_* also mark the process as ours, so a crashed run's strays can be found (process-registry.ts).
  Object.assign(env, plan.defaults.env, task.env ?? {}, step.env ?? {}, { AUTOPILOT: '1', AUTOPILOT_ISSUE: String(plan.issue), AUTOPILOT_TASK: task.id }, input.own ?? {})

  const names = new Set([...plan.defaults['pass-env'], ...(step['pass-env'] ?? []), ...(input.passExtra ?? [])])
  const secrets: string[] = []
  const missing: string[] = []
  for (const name of names) {
    const v = caller[name]
    if (v === undefined) {
      missing.push(name)
      continue
    }
    env[name] = v
    if (v.length > 0) secrets.push(v)
  }
  return { env, secrets, missing }
}

/** The argument vector for a `run:` step in the given shell. */
export function shellArgv(shell: string, script: string): string[] {
  switch (shell) {
    case 'bash':
      return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', script]
    case 'sh':
      return ['sh', '-e', '-c', script]
    default:
      // A custom shell, GitHub style: `{0}` is replaced by the script; else appended.
      return shell.includes('{0}')
        ? shell.split(/\s+/).map(p => (p === '{0}' ? script : p))
        : [...shell.split(/\s+/), script]
  }
}

/** Where a task's shell commands run and what guards them (checks, rollbacks, the baseline). */
export interface TaskShell {
  plan: Plan
  task: Task
  worktree: string
  tmpDir: string
  /** The task's own HOME. */
  home?: string
  callerEnv: NodeJS.ProcessEnv
  /** What the task's steps see; undefined when the plan says `sandbox: off`. */
  sandbox?: SandboxSpec
  /** Resource limits of every step (`limits.step-memory-mb`, `limits.step-processes`). */
  limits?: StepRequest['limits']
  mask: (text: string) => string
  signal: AbortSignal
}

/** The shell of a task's commands in `worktree`, seeing what `view` gives unless the plan says `sandbox: off`. */
export function taskShellIn(o: Omit<TaskShell, 'home' | 'sandbox'> & { view: TaskSandbox }): TaskShell {
  const { view, ...shell } = o
  return { ...shell, home: view.home, sandbox: o.plan.sandbox === 'off' ? undefined : view.spec }
}

const NO_STEP: Step = { retries: 0, 'continue-on-error': false }

/**
 * A check or rollback command in the task's worktree: the step's shell, network and
 * timeout (else the plan's defaults) and environment, sandboxed like any step.
 */
export function shellRequest(s: TaskShell, command: string, step: Step = NO_STEP): StepRequest {
  const { plan, task } = s
  return {
    argv: shellArgv(step.shell ?? plan.defaults.shell, command),
    cwd: s.worktree,
    env: buildStepEnv({ caller: s.callerEnv, plan, task, step, tmpDir: s.tmpDir, home: s.home }).env,
    timeoutMs: (step['timeout-minutes'] ?? plan.defaults['timeout-minutes']) * 60_000,
    network: step.network ?? plan.defaults.network,
    sandbox: s.sandbox,
    limits: s.limits,
    mask: s.mask,
    signal: s.signal
  }
}
