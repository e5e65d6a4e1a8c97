// Builders for gate tests: plans through the real schema (so defaults are real) and file changes as plain data.
import { PlanSchema, type Plan, type PlanInput } from '../../src/plan/schema.js'
import type { ChangeSet, FileChange } from '../../src/gates/types.js'

type Gates = NonNullable<PlanInput['gates']>
type TaskInput = PlanInput['tasks'][number]

/** A valid plan: two tasks, `docs` (paths docs/**) first and `impl` (paths src/**) second. */
export function plan(gates: Gates = {}, tasks?: TaskInput[]): Plan {
  return PlanSchema.parse({
    version: 1,
    issue: 4,
    title: 'gates',
    gates,
    tasks: tasks ?? [
      { id: 'docs', paths: ['docs/**'], steps: [{ run: 'true' }] },
      { id: 'impl', paths: ['src/**'], steps: [{ agent: 'codex', prompt: 'go' }, { run: 'npm test' }] }
    ]
  })
}

/** A text change: added file by default, sized by its content. */
export function file(path: string, over: Partial<FileChange> = {}): FileChange {
  return {
    kind: 'added',
    path,
    newMode: '100644',
    binary: false,
    added: 1,
    removed: 0,
    size: 10,
    addedLines: [],
    ...over
  }
}

export function set(...files: FileChange[]): ChangeSet {
  return { files }
}
