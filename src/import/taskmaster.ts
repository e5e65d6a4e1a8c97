/**
 * Taskmaster `tasks.json` (legacy `{tasks}` or tagged `{master: {tasks}}`).
 * Top-level tasks only, edges from `dependencies`; subtasks stay inside their
 * task's prompt (their dependencies name sibling subtasks); `done` is done,
 * every other status is imported.
 */
import { ImportError, parseJson } from './errors.js'
import type { ImportedSource, SourceFile, SourceTask } from './types.js'

interface TmTask {
  id?: unknown
  title?: unknown
  description?: unknown
  details?: unknown
  testStrategy?: unknown
  priority?: unknown
  dependencies?: unknown
  status?: unknown
  subtasks?: unknown
}

/** Read a tasks.json. `tag` picks a tag of a tagged file (default `master`, else the only one). */
export function readTaskmaster(file: SourceFile, tag?: string): ImportedSource {
  const data = parseJson(file.text, file.path)
  const warnings: string[] = []
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ImportError(file.path, 1, 'expected a JSON object with "tasks" or a tag such as "master"')
  const root = data as Record<string, unknown>
  let list: unknown
  let meta: Record<string, unknown> = {}
  if (Array.isArray(root.tasks)) {
    list = root.tasks
    meta = (root.metadata as Record<string, unknown>) ?? {}
  } else {
    const tags = Object.keys(root).filter((k) => Array.isArray((root[k] as { tasks?: unknown })?.tasks))
    const chosen = tag ?? (tags.includes('master') ? 'master' : tags.length === 1 ? tags[0] : undefined)
    if (chosen === undefined || !tags.includes(chosen)) {
      throw new ImportError(file.path, 1, tags.length === 0 ? 'no "tasks" array found (expected {"tasks": [...]} or {"master": {"tasks": [...]}})' : `several tags (${tags.join(', ')}) and none is "master"`)
    }
    for (const other of tags.filter((t) => t !== chosen)) warnings.push(`${file.path}: tag "${other}" not imported (only "${chosen}")`)
    const entry = root[chosen] as { tasks: unknown; metadata?: Record<string, unknown> }
    list = entry.tasks
    meta = entry.metadata ?? {}
  }
  const text = file.text
  let priorities = 0
  const tasks: SourceTask[] = (list as TmTask[]).map((t, i) => {
    const key = String(t.id ?? i + 1)
    if (t.priority !== undefined) priorities++
    const subtasks = Array.isArray(t.subtasks) ? (t.subtasks as TmTask[]) : []
    const prompt = [
      str(t.description),
      str(t.details) && `Details:\n${str(t.details)}`,
      str(t.testStrategy) && `Test strategy:\n${str(t.testStrategy)}`,
      subtasks.length > 0 && `Subtasks, in order:\n${subtasks.map(subtaskLine).join('\n')}`
    ]
      .filter(Boolean)
      .join('\n\n')
    return {
      key,
      idHint: `task-${key}`,
      name: str(t.title) || `Task ${key}`,
      needs: (Array.isArray(t.dependencies) ? t.dependencies : []).map((d) => String(d)),
      file: file.path,
      line: lineOfId(text, key),
      done: str(t.status).toLowerCase() === 'done',
      prompt
    }
  })
  if (priorities > 0) warnings.push(`${file.path}: "priority" (${priorities} tasks) has no plan field; order comes from dependencies`)
  const title = str(meta.projectName) || str(meta.description) || 'Taskmaster tasks'
  return { format: 'taskmaster', title, intent: str(meta.description) || str(meta.projectName), tasks, warnings }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v)
}

function subtaskLine(s: TmTask): string {
  const deps = Array.isArray(s.dependencies) && s.dependencies.length > 0 ? ` (after subtask ${s.dependencies.join(', ')})` : ''
  const status = str(s.status) === 'done' ? ' [done]' : ''
  return `${str(s.id)}. ${str(s.title)}${status}${deps}${str(s.description) ? `: ${str(s.description)}` : ''}`
}

/** Line of the n-th top-level `"id": <key>` (best effort: the first match after the previous task). */
function lineOfId(text: string, key: string): number {
  const re = new RegExp(`"id"\\s*:\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*[,}\\n]`, 'g')
  const m = re.exec(text)
  return m ? text.slice(0, m.index).split('\n').length : 1
}
