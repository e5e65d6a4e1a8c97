/**
 * From a reader's ImportedSource to a plan: valid unique ids, needs between
 * tasks still to do, file scopes as globs, prompt files, the intent capped at
 * 2 KB, and the source's stated order checked against its dependencies. Pure.
 */
import { Document } from 'yaml'
import type { AgentName, PlanInput } from '../plan/schema.js'
import { ImportError } from './errors.js'
import { uniqueIds, validId } from './ids.js'
import { scopesToGlobs } from './paths.js'
import type { ImportedSource, SourceTask } from './types.js'

/** Longest intent a plan accepts (the schema's limit). */
export const INTENT_MAX = 2048

export interface BuildOptions {
  /** Issue number; overrides the source's. */
  issue?: number
  /** Agent for tasks whose source names none (default `claude`). */
  agent?: AgentName
  /**
   * Repository-relative folder of the plan (e.g. `.ai/plans/428`): prompts are
   * written as `<planDir>/prompts/<id>.md` and referenced by `prompt-file`.
   * Without it, prompts are inlined as `prompt`.
   */
  planDir?: string
  /** Shown in the header comment (the file or folder imported). */
  sourceName: string
  /** The command named in the header comment (default `autopilot import`). */
  by?: string
  /** Plan-level steps run once before the tasks (from toolchain detection). */
  setup?: { name?: string; run: string }[]
}

/** The built plan: its YAML, the prompt files to write, and every warning. */
export interface BuiltPlan {
  plan: PlanInput
  yaml: string
  prompts: { path: string; text: string }[]
  warnings: string[]
  /** Source tasks left out as done, by plan id. */
  done: { id: string; name: string }[]
}

/** Build the plan. Throws ImportError when nothing is left to do or the dependencies form a cycle. */
export function buildPlan(source: ImportedSource, options: BuildOptions): BuiltPlan {
  const warnings = [...source.warnings]
  const first = source.tasks[0]
  if (!first) throw new ImportError(options.sourceName, 1, `no tasks found in this ${source.format} source; ${EXPECTED[source.format]}`)
  const ids = uniqueIds(source.tasks.map((t) => validId(t.key, t.idHint)))
  const idOf = new Map<string, string>()
  source.tasks.forEach((t, i) => {
    if (idOf.has(t.key)) warnings.push(`${t.file}:${t.line}: task id "${t.key}" appears twice; the second is imported as "${ids[i]}" and needs name the first`)
    else idOf.set(t.key, ids[i]!)
  })
  const doneKeys = new Set(source.tasks.filter((t) => t.done).map((t) => t.key))
  const todo = source.tasks.map((t, i) => ({ t, id: ids[i]! })).filter(({ t }) => !t.done)
  const done = source.tasks.map((t, i) => ({ t, id: ids[i]! })).filter(({ t }) => t.done).map(({ t, id }) => ({ id, name: t.name }))
  if (todo.length === 0) {
    throw new ImportError(first.file, first.line, `nothing left to import: all ${source.tasks.length} tasks of this ${source.format} source are done (${listSome(done.map((d) => d.id))}); nothing to plan`)
  }
  const needsOf = new Map<string, string[]>()
  for (const { t, id } of todo) {
    const needs: string[] = []
    for (const dep of t.needs) {
      const depId = idOf.get(dep)
      if (depId === undefined) warnings.push(`${t.file}:${t.line}: ${id} depends on "${dep}", which this source does not define; the dependency is dropped`)
      else if (depId === id) warnings.push(`${t.file}:${t.line}: ${id} depends on itself; dropped`)
      else if (!doneKeys.has(dep) && !needs.includes(depId)) needs.push(depId)
    }
    needsOf.set(id, needs)
  }
  assertAcyclic(todo, needsOf)
  warnings.push(...orderDisagreements(source, idOf))

  const prompts: BuiltPlan['prompts'] = []
  const tasks = todo.map(({ t, id }) => {
    const scope = scopesToGlobs(t.paths ?? [], `${t.file}:${t.line}`)
    warnings.push(...scope.warnings)
    const promptText = `# ${t.name}\n\n${t.prompt.trim()}\n`
    const step: Record<string, unknown> = { agent: t.agent ?? options.agent ?? 'claude' }
    if (options.planDir !== undefined) {
      const file = `${options.planDir}/prompts/${id}.md`
      prompts.push({ path: file, text: promptText })
      step['prompt-file'] = file
    } else step.prompt = promptText
    const task: Record<string, unknown> = { id, name: t.name }
    const needs = needsOf.get(id)!
    if (needs.length > 0) task.needs = needs
    if (scope.globs.length > 0) task.paths = scope.globs
    task.steps = [step]
    if (t.checks && t.checks.length > 0) task.checks = [...new Set(t.checks)]
    if (t.fallback && t.fallback.length > 0) task.fallback = t.fallback
    if (t.maxAttempts !== undefined) task['max-attempts'] = Math.min(10, Math.max(1, Math.round(t.maxAttempts)))
    if (t.estimateMinutes !== undefined) task['estimate-minutes'] = t.estimateMinutes
    return task
  })

  const issue = options.issue ?? source.issue
  if (issue === undefined) throw new ImportError(options.sourceName, 1, 'the source names no issue number; pass --issue N')
  const plan: Record<string, unknown> = { version: 1, issue, title: source.title.trim() || `Issue #${issue}` }
  const intent = capIntent(source.intent.trim(), warnings)
  if (intent) plan.intent = intent
  if (options.setup && options.setup.length > 0) plan.setup = options.setup
  plan.tasks = tasks

  const doc = new Document(plan)
  const header = [`Imported from ${source.format} (${options.sourceName}) by ${options.by ?? 'autopilot import'}.`]
  if (done.length > 0) {
    header.push(`Done in the source, left out (needs on them dropped):`)
    for (const d of done) header.push(`  ${d.id}: ${d.name.replace(/\s+/g, ' ')}`)
  }
  doc.commentBefore = header.map((l) => ` ${l}`).join('\n')
  const yaml = doc.toString({ lineWidth: 0 })
  return { plan: plan as unknown as PlanInput, yaml, prompts, warnings, done }
}

/** The intent, cut at 2 KB (on a character boundary) with a warning when longer. */
function capIntent(intent: string, warnings: string[]): string {
  if (Buffer.byteLength(intent) <= INTENT_MAX) return intent
  let cut = intent.slice(0, INTENT_MAX - 3)
  while (Buffer.byteLength(cut) > INTENT_MAX - 3) cut = cut.slice(0, -1)
  warnings.push(`the source's summary is ${Buffer.byteLength(intent)} bytes; intent keeps the first ${INTENT_MAX} (the rest is not carried over)`)
  return `${cut}...`
}

function assertAcyclic(todo: { t: SourceTask; id: string }[], needsOf: Map<string, string[]>): void {
  const state = new Map<string, 'open' | 'closed'>()
  const at = new Map(todo.map(({ t, id }) => [id, t]))
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'closed') return
    if (state.get(id) === 'open') {
      const cycle = [...trail.slice(trail.indexOf(id)), id]
      const t = at.get(id)!
      throw new ImportError(t.file, t.line, `the source's dependencies form a cycle: ${cycle.join(' -> ')}; break it in the source`)
    }
    state.set(id, 'open')
    for (const n of needsOf.get(id) ?? []) visit(n, [...trail, id])
    state.set(id, 'closed')
  }
  for (const { id } of todo) visit(id, [])
}

/**
 * Where the source states an order (levels) that its dependencies contradict:
 * a task listed at or before a level holding one of its dependencies, or at a
 * level its dependencies do not explain. The dependencies win; each is named.
 */
export function orderDisagreements(source: ImportedSource, idOf: Map<string, string>): string[] {
  const stated = source.statedLevels
  if (!stated || stated.length === 0) return []
  const out: string[] = []
  const levelOf = new Map(stated.map((s) => [s.key, s]))
  const byKey = new Map(source.tasks.map((t) => [t.key, t]))
  const depth = new Map<string, number>()
  const depthOf = (key: string, seen: Set<string>): number => {
    const known = depth.get(key)
    if (known !== undefined) return known
    if (seen.has(key)) return 0
    seen.add(key)
    const deps = (byKey.get(key)?.needs ?? []).filter((d) => byKey.has(d))
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((x) => depthOf(x, seen)))
    depth.set(key, d)
    return d
  }
  const minLevel = Math.min(...stated.map((s) => s.level))
  for (const s of stated) {
    const task = byKey.get(s.key)
    const where = `${s.file}:${s.line}`
    if (!task) {
      out.push(`${where}: the stated order lists "${s.key}", which is not a task of this source; ignored`)
      continue
    }
    const id = idOf.get(s.key) ?? s.key
    let contradicted = false
    for (const dep of task.needs) {
      const d = levelOf.get(dep)
      if (d && d.level >= s.level) {
        contradicted = true
        out.push(`${where}: the stated order puts ${id} in level ${s.level} and ${idOf.get(dep) ?? dep} in level ${d.level}, but ${id} depends on it; the dependencies win`)
      }
    }
    const implied = depthOf(s.key, new Set()) + minLevel
    if (!contradicted && implied !== s.level) {
      out.push(`${where}: the stated order puts ${id} in level ${s.level}; its dependencies place it in level ${implied}; the dependencies win`)
    }
  }
  for (const t of source.tasks) {
    if (!levelOf.has(t.key)) out.push(`${t.file}:${t.line}: the stated order does not list ${idOf.get(t.key) ?? t.key}; its dependencies place it`)
  }
  return out
}

/** What each format's reader looks for, for the "no tasks" message. */
const EXPECTED: Record<ImportedSource['format'], string> = {
  miyabi: 'expected "- **ID**: `task-...`" bullets under "## Task Breakdown"',
  openspec: 'expected "## 1. Group" sections or "- [ ] item" checklist lines in tasks.md',
  ccpm: 'expected task files named by number (e.g. 12.md) with front matter',
  speckit: 'expected "- [ ] T001 ..." lines or "### T001: ..." headings',
  taskmaster: 'expected a "tasks" array (or a tag such as "master" holding one)',
  workstreams: 'expected workstream objects with an "id" (or a "steps" array)',
  'project-plan': 'expected "→ **[task_N]** ..." entries under "Ready for Autonomous Execution"',
  issue: 'expected a task list ("- [ ] ...")'
}

/** The first ids and a count of the rest, for one-line messages. */
function listSome(ids: string[], max = 8): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`
}
