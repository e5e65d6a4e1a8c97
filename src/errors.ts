/**
 * Typed errors. Anything that is the user's doing (a bad plan, a bad flag, a
 * missing tool) is an `AutopilotError`: its message is printed as is, with no
 * stack trace, and its `exitCode` becomes the process's.
 */

/** Exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  /** A task failed, was denied or blocked. */
  taskFailed: 1,
  /** Invalid plan or usage. */
  usage: 2,
  /** Stopped by a circuit breaker, a lock or an interrupt. */
  stopped: 3
} as const

export class AutopilotError extends Error {
  override name = 'AutopilotError'
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage
  ) {
    super(message)
  }
}

/** A command-line or action input is wrong. */
export class UsageError extends AutopilotError {
  override name = 'UsageError'
}

/** One problem in a plan, with its place. */
export interface PlanProblem {
  file: string
  line: number
  col: number
  /** Path into the plan, e.g. `tasks[1].needs[0]`. */
  path: string
  message: string
}

/** Format a problem as `<file>:<line>:<col>: <path>: <message>`. */
export function formatProblem(p: PlanProblem): string {
  const where = `${p.file}:${p.line}:${p.col}`
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`
}

/** A plan is invalid; carries every problem found, not just the first. */
export class PlanError extends AutopilotError {
  override name = 'PlanError'
  constructor(readonly problems: PlanProblem[]) {
    super(problems.map(formatProblem).join('\n'), EXIT.usage)
  }
}

/** A task could not be completed. */
export class TaskFailedError extends AutopilotError {
  override name = 'TaskFailedError'
  constructor(
    message: string,
    readonly taskId: string
  ) {
    super(message, EXIT.taskFailed)
  }
}

/** A circuit breaker, a lock or an interrupt stopped the run. */
export class StoppedError extends AutopilotError {
  override name = 'StoppedError'
  constructor(message: string) {
    super(message, EXIT.stopped)
  }
}

/** A circuit breaker tripped: nothing new starts. `breaker` names it for the report. */
export class BreakerTripped extends StoppedError {
  override name = 'BreakerTripped'
  constructor(readonly breaker: string) {
    super(`circuit breaker tripped: ${breaker}`)
  }
}
