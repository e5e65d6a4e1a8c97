/**
 * Where runs keep their state. `LocalStateStore` (files under `.ai/runs/`) and
 * `ActionsStateStore` (artifacts + Actions cache) implement the same interface,
 * so the engine does not know which deployment it is in.
 */
import type { RunManifest, TaskRecord } from './manifest.js'

/** A finished task's durable result: its record and its patch. */
export interface StoredResult {
  record: TaskRecord
  /** Binary-safe patch against the task's starting tree (may be empty). */
  patch: Buffer
}

/** Per-day agent usage, for daily budgets. */
export interface UsageLedger {
  day: string
  perAgent: Record<string, { calls: number; inputTokens: number; outputTokens: number; costUsd?: number }>
}

/** The head autopilot last delivered on a branch (the branch guard compares the branch with it). */
export interface DeliveredHead {
  branch: string
  head: string
  at: string
}

export interface StateStore {
  /** The manifest of this plan's current run, if one was started. */
  loadManifest(): Promise<RunManifest | undefined>
  /** Written atomically: a crash leaves the previous version intact. */
  saveManifest(manifest: RunManifest): Promise<void>
  /** Keeps a finished task's result for this run, with its log directory. */
  saveResult(result: StoredResult, logDir?: string): Promise<void>
  /** A result saved by this run (this job or, in Actions, an earlier job). */
  loadResult(taskId: string): Promise<StoredResult | undefined>
  /** Content-addressed results shared across runs; undefined on a miss. */
  lookup(key: string): Promise<StoredResult | undefined>
  /** Best effort: a failure to remember is a warning, never a failed run. */
  remember(key: string, result: StoredResult): Promise<void>
  loadLedger(): Promise<UsageLedger | undefined>
  saveLedger(ledger: UsageLedger): Promise<void>
  /** The head autopilot last delivered for this plan's issue; kept across runs and `--fresh`. */
  loadDelivered(): Promise<DeliveredHead | undefined>
  saveDelivered(delivered: DeliveredHead): Promise<void>
}
