/** Pure checks of a step's result against its `expect`. */
import type { Step } from '../plan/schema.js'

export interface Observed {
  exitCode: number | null
  timedOut: boolean
  output: string
  /** Did the step change the work tree? */
  changed: boolean
}

/** Agent steps are expected to change files unless the plan says otherwise (silent-success gate). */
export function expectsChanges(step: Step): boolean | undefined {
  if (step.expect?.changes !== undefined) return step.expect.changes
  return step.agent !== undefined ? true : undefined
}

/** Undefined when the step met its expectation, else why it did not. */
export function unmetExpectation(step: Step, o: Observed, timeoutMinutes: number): string | undefined {
  if (o.timedOut) return `timed out after ${timeoutMinutes} min (timeout-minutes); the whole process group was killed`
  const wantExit = step.expect?.['exit-code'] ?? 0
  if (o.exitCode !== wantExit) {
    return o.exitCode === null ? 'was killed by a signal' : `exited with ${o.exitCode} (expected ${wantExit})`
  }
  const pattern = step.expect?.output
  if (pattern !== undefined && !new RegExp(pattern, 'm').test(o.output)) {
    return `output does not match expect.output /${pattern}/`
  }
  const changes = expectsChanges(step)
  if (changes === true && !o.changed) {
    return 'exited 0 but changed no files (silent success); set `expect: { changes: false }` on the step if that is fine'
  }
  if (changes === false && o.changed) return 'changed files although `expect.changes` is false'
  return undefined
}

/** Last `lines` lines of a text, for failure reports and retry prompts. */
export function tail(text: string, lines = 40): string {
  const all = text.replace(/\n$/, '').split('\n')
  return all.slice(-lines).join('\n')
}
