/**
 * The run manifest: the durable record of one run of a plan. Plain data,
 * serialised as JSON and rewritten atomically after every state change.
 */
import type { GateDecision } from '../gates/types.js'
import type { BaselineRecord } from '../run/baseline.js'

/** Lifecycle of a task. `cached` means a previous identical result was reused. */
export type TaskStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'denied'
  | 'blocked'
  | 'cached'
  | 'cancelled'

/** Statuses whose patch may land on the branch. */
export const LANDABLE: ReadonlySet<TaskStatus> = new Set(['succeeded', 'cached'])
/** Statuses that end a task for good in this run. */
export const FINAL: ReadonlySet<TaskStatus> = new Set(['succeeded', 'cached', 'failed', 'denied', 'blocked', 'cancelled'])

/** Tokens, cost and calls spent by agent steps. */
export interface Usage {
  calls: number
  inputTokens: number
  outputTokens: number
  /** Cost in US dollars when the CLI reports it. */
  costUsd?: number
  /** Calls whose CLI reported no token counts: their tokens are unknown, not 0. */
  unknownCalls?: number
  /** Time spent in agent calls, in milliseconds. */
  durationMs?: number
}

/** One gate's verdict, stored exactly as the gate made it (see src/gates/types.ts). */
export type GateRecord = GateDecision

/** Outcome of one step, as recorded. */
export interface StepRecord {
  index: number
  name: string
  kind: 'run' | 'agent' | 'check' | 'rollback'
  /** Agent that did the work, for agent steps (may differ after escalation). */
  agent?: string
  /** Every agent tried, in order (the preferred one, then fallbacks). */
  agents?: string[]
  exitCode: number | null
  status: 'succeeded' | 'failed' | 'skipped' | 'timed-out'
  attempts: number
  durationMs: number
  /** Log file, relative to the log directory. */
  log?: string
  message?: string
}

export interface TaskRecord {
  id: string
  status: TaskStatus
  attempts: number
  /** Content address of the task's inputs (definition, base tree, dependency patches). */
  key?: string
  /** sha256 of the patch, when there is one. */
  patchDigest?: string
  /** Patch file, relative to the run directory. */
  patch?: string
  changedFiles?: number
  startedAt?: string
  finishedAt?: string
  durationMs?: number
  steps: StepRecord[]
  gates: GateRecord[]
  usage?: Usage
  /** Why the task is not succeeded: failed step, denied gate, blocking dependency... */
  reason?: string
  /** The step that failed, when one did. */
  failedStep?: string
  /** Kept by `run --rebase`: its patch was replayed on the new base and its checks passed again; its steps did not run. */
  rebased?: boolean
  /** Task log, relative to the log directory. */
  log?: string
}

export interface RunManifest {
  version: 1
  issue: number
  planPath: string
  planHash: string
  baseCommit: string
  branch: string
  startedAt: string
  updatedAt: string
  finishedAt?: string
  /** Set when a circuit breaker stopped the run. */
  breaker?: string
  tasks: Record<string, TaskRecord>
  /** Commit on the branch for each integrated task. */
  commits?: Record<string, string>
  /** Size of each integrated task's commit. */
  diffstats?: Record<string, { files: number; insertions: number; deletions: number }>
  /** Run-level gate verdicts on the integrated branch. */
  gates?: GateRecord[]
  usage?: Usage
  /** The plan's baseline commands on the base commit (absent under `baseline: ignore`). */
  baseline?: BaselineRecord
  /** Id of the journal whose task records update this file (the local store writes changes in pieces). */
  journal?: string
}
