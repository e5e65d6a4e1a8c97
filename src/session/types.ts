/** A session's durable record: plain data, rewritten atomically after every change (resume reads it). */
import type { Usage } from '../state/manifest.js'

/** How one plan of a session ended (or why it did not run). */
export type PlanOutcome =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'stopped'
  | 'error'
  | 'not-started'
  | 'not-ready'
  | 'invalid'

export interface SessionPlan {
  issue: number | null
  /** Plan file, relative to the repository root. */
  plan: string
  title?: string
  outcome: PlanOutcome
  branch?: string
  startedAt?: string
  finishedAt?: string
  durationMs?: number
  usage?: Usage
  /** Tasks that ran (not kept, cached or cancelled): counted for --max-tasks. */
  tasksRun?: number
  tasks?: number
  /** What to look at first in the morning. */
  lookAt?: string
  /** The run's summary and failure report, relative to the repository root. */
  summary?: string
  failedLog?: string
}

/** The session limits, after defaults. */
export interface SessionLimits {
  maxPlans?: number
  maxTasks: number
  maxHours: number
  maxFailedPlans: number
  parallel: number
}

export interface SessionRecord {
  version: 1
  id: string
  startedAt: string
  updatedAt: string
  finishedAt?: string
  /** Set when a session limit stopped new plans from starting. */
  stoppedBy?: string
  /** How many times this session was resumed after an interruption. */
  resumed: number
  limits: SessionLimits
  plans: SessionPlan[]
}

/** The defaults, after the overnight seed's session limits (5 tasks, 4 hours, 2 consecutive failures). */
export const DEFAULT_LIMITS: SessionLimits = { maxTasks: 5, maxHours: 4, maxFailedPlans: 2, parallel: 1 }
