/**
 * The one place the run path meets the baseline: run (or reuse) it before any
 * task, keep it in the manifest, and hand back what the scheduler and the
 * task runner need. Kept apart so `local-run.ts` gains three lines, not thirty.
 */
import { BreakerTripped } from '../errors.js'
import type { Plan } from '../plan/schema.js'
import type { RunManifest } from '../state/manifest.js'
import type { Reporter } from '../report/reporter.js'
import type { CommandExecutor } from './executor.js'
import type { Workspace } from './workspace.js'
import type { SetupLayer } from './setup-layer.js'
import { BaselineJudge, PRE_EXISTING, baselineStop, renderBaseline, runBaseline } from './baseline.js'

export interface BaselineHook {
  judge: BaselineJudge
  /** Throws BreakerTripped before a task starts when the base is red under require-green, or regressions reached the limit. */
  guard(): void
  /** Markdown for the run summary. */
  summary(): string
}

export async function baselineHook(input: {
  plan: Plan
  baseCommit: string
  workspace: Workspace
  executor: CommandExecutor
  callerEnv: NodeJS.ProcessEnv
  mask: (text: string) => string
  manifest: RunManifest
  previous?: RunManifest
  reporter: Reporter
  signal?: AbortSignal
  setup?: SetupLayer
}): Promise<BaselineHook> {
  const record = await runBaseline({ ...input, previous: input.previous?.baseline })
  input.manifest.baseline = record
  for (const c of record?.checks ?? []) {
    if (!c.passed) input.reporter.event({ type: 'note', message: `baseline: \`${c.command}\` is ${PRE_EXISTING} (exit ${c.exitCode} on the base)` })
  }
  const stop = baselineStop(record)
  const judge = new BaselineJudge(record, input.plan.limits['max-regressions'])
  return {
    judge,
    guard() {
      const why = stop ?? judge.tripped()
      if (why) throw new BreakerTripped(why)
    },
    summary: () => renderBaseline(record)
  }
}
