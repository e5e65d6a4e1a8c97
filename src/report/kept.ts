/**
 * Which tasks a resumed run kept rather than ran, from the events alone: a
 * task landed in the manifest the run starts from, that lands again without
 * starting a step, was kept. Such a task says "running" only once it starts a
 * step, so a kept task is reported as kept, never as "running" then
 * "succeeded" (issue 17). Shared by the console and the status log.
 */
import type { RunManifest, TaskStatus } from '../state/manifest.js'

export type ShownStatus = TaskStatus | 'kept'

export interface KeptTracker {
  runStarted(manifest: RunManifest | undefined): void
  /** True when this is the first step of a task whose "running" was held back: report it now. */
  stepStarted(id: string): boolean
  /** Whether "running" is held back for this task until its first step. */
  holdsRunning(id: string): boolean
  /** The status to show for a task's new status. */
  shown(id: string, status: TaskStatus): ShownStatus
}

export function keptTracker(): KeptTracker {
  const keepable = new Set<string>()
  const stepped = new Set<string>()
  return {
    runStarted(manifest) {
      for (const t of Object.values(manifest?.tasks ?? {})) if (t.status === 'succeeded' || t.status === 'cached') keepable.add(t.id)
    },
    stepStarted(id) {
      const first = !stepped.has(id)
      stepped.add(id)
      return first && keepable.has(id)
    },
    holdsRunning: id => keepable.has(id),
    shown: (id, status) => (keepable.has(id) && !stepped.has(id) && (status === 'succeeded' || status === 'cached') ? 'kept' : status)
  }
}
