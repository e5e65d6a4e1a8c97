/** A run's first manifest, carrying over what a resumed run already finished. */
import { branchName, type Plan } from '../plan/schema.js'
import { LANDABLE, type RunManifest, type TaskRecord } from './manifest.js'

export function startManifest(input: {
  plan: Plan
  planHash: string
  planPath: string
  baseCommit: string
  previous?: RunManifest
}): RunManifest {
  const { plan, previous, baseCommit } = input
  const now = new Date().toISOString()
  const resume = previous && previous.baseCommit === baseCommit ? previous : undefined
  const tasks: Record<string, TaskRecord> = {}
  for (const t of plan.tasks) {
    const prev = resume?.tasks[t.id]
    tasks[t.id] = prev && LANDABLE.has(prev.status) ? prev : { id: t.id, status: 'pending', attempts: 0, steps: [], gates: [] }
  }
  return {
    version: 1,
    issue: plan.issue,
    planPath: input.planPath,
    planHash: input.planHash,
    baseCommit,
    branch: branchName(plan),
    // Kept across resumes: commit dates come from it, so a resumed run builds the same commits.
    startedAt: resume?.startedAt ?? now,
    updatedAt: now,
    tasks
  }
}
