/**
 * Lifecycle events of a run. The scheduler and the engine emit them; console,
 * status-log and Actions reporters turn them into output. The engine knows
 * nothing about terminals or Actions.
 */
import type { RunManifest, StepRecord, TaskRecord, TaskStatus } from '../state/manifest.js'

export type RunEvent =
  | { type: 'run-started'; manifest: RunManifest }
  | { type: 'task'; id: string; status: TaskStatus; record: TaskRecord }
  | { type: 'step'; taskId: string; step: StepRecord }
  /** A step or check starts: `index` counts from 0 over steps then checks, `of` is their number. */
  | { type: 'step-started'; taskId: string; index: number; of: number; name: string }
  | { type: 'output'; taskId: string; line: string }
  /** A line for the user; `warning` ones become warning annotations on Actions. */
  | { type: 'note'; message: string; level?: 'warning' }
  | { type: 'run-finished'; manifest: RunManifest }

export interface Reporter {
  event(e: RunEvent): void
  /** Flushes anything buffered (files). */
  close?(): Promise<void>
}

/** Sends every event to each reporter. */
export function composite(...reporters: Reporter[]): Reporter {
  return {
    event: e => reporters.forEach(r => r.event(e)),
    close: async () => {
      for (const r of reporters) await r.close?.()
    }
  }
}
