// What every format reader returns: the source's tasks in a neutral shape, before ids and plan rules are applied.
import type { AgentName } from '../plan/schema.js'

/** The formats `autopilot import` reads. */
export const FORMATS = ['miyabi', 'openspec', 'ccpm', 'speckit', 'taskmaster', 'workstreams', 'project-plan', 'issue'] as const
export type Format = (typeof FORMATS)[number]

/** One input file, as text. Readers never touch the filesystem. */
export interface SourceFile {
  /** Path as shown in messages (relative to where the user pointed). */
  path: string
  text: string
}

/** A task as the source states it. `key` and `needs` use the source's own ids. */
export interface SourceTask {
  /** The source's id (e.g. `task-428-db-schema`, `T012`, `179`); becomes the plan id once made valid. */
  key: string
  /** Readable base for the plan id when `key` is only a number (e.g. `task-179`). */
  idHint?: string
  name: string
  needs: string[]
  /** Where the task starts in the source, for messages. */
  file: string
  line: number
  done: boolean
  /** Files or folders the task may change, as written (folders end with `/` or have no extension). */
  paths?: string[]
  checks?: string[]
  agent?: AgentName
  fallback?: AgentName[]
  maxAttempts?: number
  estimateMinutes?: number
  /** Description and details: becomes the task's prompt file. */
  prompt: string
}

/** What a reader makes of a source. */
export interface ImportedSource {
  format: Format
  title: string
  /** Issue number the source names, if any. */
  issue?: number
  /** The source's summary (issue goal, proposal "Why", epic overview). */
  intent: string
  tasks: SourceTask[]
  /** Every piece of the source not carried over, and every disagreement found. */
  warnings: string[]
  /** Order the source states (e.g. Miyabi DAG levels): level per task key, with the line it is stated on. */
  statedLevels?: { key: string; level: number; file: string; line: number }[]
}
