/**
 * Workstream bundles: one JSON or YAML object per workstream (`ws-NN-*.json`),
 * a list of them, or one workstream whose `steps[]` are the tasks. Edges from
 * `depends_on` (also `dependencies.depends_on`, `blocked_by`, and `blocks`
 * reversed); `files_scope` and friends become `paths`; `test_commands` and
 * command-like `acceptance_tests` become `checks`; `tool` /
 * `preferred_tools` / `fallback_tools` become `agent` and `fallback`;
 * `max_attempts` (or `circuit_breaker.max_attempts`) becomes `max-attempts`.
 */
import { parseDocument } from 'yaml'
import type { AgentName } from '../plan/schema.js'
import { agentName } from './agents.js'
import { looksLikeCommand } from './commands.js'
import { ImportError, parseJson } from './errors.js'
import type { ImportedSource, SourceFile, SourceTask } from './types.js'

type Obj = Record<string, unknown>

/** Read workstream files (one bundle). */
export function readWorkstreams(files: SourceFile[]): ImportedSource {
  const warnings: string[] = []
  const tasks: SourceTask[] = []
  const blocks: { from: string; to: string; file: string }[] = []
  let title = ''
  let intent = ''
  for (const f of files) {
    const data = parseData(f)
    const items = Array.isArray(data) ? data : Array.isArray((data as Obj).workstreams) ? ((data as Obj).workstreams as unknown[]) : [data]
    for (const item of items) {
      if (!item || typeof item !== 'object') throw new ImportError(f.path, 1, 'expected a workstream object (with "id")')
      const ws = item as Obj
      if (Array.isArray(ws.steps)) {
        title ||= str(ws.title) || str(ws.id)
        intent ||= str(ws.objective) || str(ws.description) || str(ws._comment_purpose)
        for (const step of ws.steps as Obj[]) tasks.push(toTask({ ...inherited(ws), ...step }, f, warnings, blocks))
      } else {
        tasks.push(toTask(ws, f, warnings, blocks))
      }
    }
  }
  for (const b of blocks) {
    const target = tasks.find((t) => t.key === b.to)
    if (target) target.needs.push(b.from)
    else warnings.push(`${b.file}: ${b.from} blocks "${b.to}", which this bundle does not define; dropped`)
  }
  if (files.length === 1 && tasks.length === 1) {
    title ||= tasks[0]!.name
    intent ||= tasks[0]!.prompt.split('\n')[0] ?? ''
  }
  return { format: 'workstreams', title: title || `Workstreams (${tasks.length})`, intent, tasks, warnings }
}

function parseData(f: SourceFile): unknown {
  if (/\.ya?ml$/i.test(f.path)) {
    const doc = parseDocument(f.text, { prettyErrors: false })
    const err = doc.errors[0]
    if (err) throw new ImportError(f.path, err.linePos?.[0]?.line ?? 1, `not valid YAML: ${err.message.split('\n')[0]}`)
    return doc.toJS()
  }
  return parseJson(f.text, f.path)
}

/** Workstream-level fields a step inherits: scope, attempts, tool. */
function inherited(ws: Obj): Obj {
  const out: Obj = {}
  for (const k of ['files_scope', 'files_create', 'circuit_breaker', 'max_attempts', 'tool', 'preferred_tools', 'fallback_tools']) if (ws[k] !== undefined) out[k] = ws[k]
  return out
}

const SKIP = new Set(['id', 'doc_id', 'title', 'description', 'objective', 'tasks', 'depends_on', 'dependencies', 'blocked_by', 'files_scope', 'files_create', 'file_scope', 'scope', 'test_commands', 'acceptance_tests', 'acceptance_criteria', 'tool', 'preferred_tools', 'fallback_tools', 'max_attempts', 'circuit_breaker', 'execution_profile', 'effort_estimate', 'estimate_minutes', 'estimated_minutes', 'status', 'metadata', 'execution_steps', 'pre_flight_checks'])

function toTask(ws: Obj, f: SourceFile, warnings: string[], blocks: { from: string; to: string; file: string }[]): SourceTask {
  const key = str(ws.id)
  if (!key) throw new ImportError(f.path, 1, 'a workstream has no "id"')
  const line = lineOf(f.text, key)
  const where = `${f.path}:${line}`
  const deps = ws.dependencies && typeof ws.dependencies === 'object' && !Array.isArray(ws.dependencies) ? (ws.dependencies as Obj) : {}
  const needs = [...list(ws.depends_on), ...list(Array.isArray(ws.dependencies) ? ws.dependencies : deps.depends_on), ...list(ws.blocked_by)].map((d) => d.split(/\s/)[0]!)
  for (const b of list(deps.blocks)) blocks.push({ from: key, to: b.split(/\s/)[0]!, file: where })
  const notes = str((ws.metadata as Obj | undefined)?.notes)
  if (/\b(follows|after|depends|requires)\b/i.test(notes)) warnings.push(`${where}: metadata.notes states an order ("${notes}") that is not in depends_on; not an edge`)

  const fileScope = (ws.file_scope ?? {}) as Obj
  const scope = (ws.scope ?? {}) as Obj
  const paths = [...list(ws.files_scope), ...list(ws.files_create), ...list(fileScope.modify), ...list(fileScope.create), ...list(scope.files_in_scope), ...list(scope.modules)]
  for (const k of ['forbidden_paths', 'read_only']) if (list(fileScope[k]).length > 0) warnings.push(`${where}: file_scope.${k} is not carried over (a task's paths only list what it may change; use gates.deny-paths for forbidden files)`)
  if (list(scope.files_out_of_scope).length > 0) warnings.push(`${where}: scope.files_out_of_scope is not carried over (use gates.deny-paths)`)

  const checks: string[] = []
  const proseTests: string[] = []
  const tests = [...(Array.isArray(ws.test_commands) ? ws.test_commands : []), ...(Array.isArray(ws.acceptance_tests) ? ws.acceptance_tests : []), ...(Array.isArray(ws.acceptance_criteria) ? ws.acceptance_criteria : [])]
  for (const t of tests) {
    const cmd = typeof t === 'string' ? t : str((t as Obj).command) || str((t as Obj).test_method) || str((t as Obj).criterion) || str((t as Obj).description)
    if (looksLikeCommand(cmd)) checks.push(cmd)
    else if (cmd) proseTests.push(cmd)
  }
  if (proseTests.length > 0) warnings.push(`${where}: ${proseTests.length} acceptance test(s) are not shell commands (e.g. "${proseTests[0]}"); kept in the prompt, not as checks`)

  const tools = [...list(ws.preferred_tools), ...(ws.tool !== undefined ? [str(ws.tool)] : []), ...list(ws.fallback_tools)]
  const agents: AgentName[] = []
  for (const t of tools) {
    const a = agentName(t)
    if (a && !agents.includes(a)) agents.push(a)
    else if (!a) warnings.push(`${where}: tool "${t}" is not an agent autopilot drives; not carried over`)
  }
  const cb = (ws.circuit_breaker ?? {}) as Obj
  const profile = (ws.execution_profile ?? {}) as Obj
  const attempts = num(ws.max_attempts) ?? num(cb.max_attempts) ?? (num(profile.retry_attempts) !== undefined ? num(profile.retry_attempts)! + 1 : undefined)
  const effort = (ws.effort_estimate ?? {}) as Obj
  const estimate = num(ws.estimate_minutes) ?? num(ws.estimated_minutes) ?? (num(effort.hours) !== undefined ? num(effort.hours)! * 60 : undefined)
  const ignored = Object.keys(ws).filter((k) => !SKIP.has(k) && !k.startsWith('_comment') && !k.startsWith('$'))
  if (ignored.length > 0) warnings.push(`${where}: ${key}: fields without a plan field, not carried over: ${ignored.join(', ')}`)

  const steps = Array.isArray(ws.execution_steps) ? (ws.execution_steps as Obj[]).map((s) => `- ${str(s.action) || str(s.description)}${s.command ? `: \`${str(s.command)}\`` : ''}`) : []
  const preflight = Array.isArray(ws.pre_flight_checks) ? (ws.pre_flight_checks as Obj[]).map((s) => `- ${str(s.description)}${s.command ? `: \`${str(s.command)}\`` : ''}`) : []
  const prompt = [
    str(ws.objective) || str(ws.description),
    list(ws.tasks).length > 0 ? `Tasks:\n${list(ws.tasks).map((t) => `- ${t}`).join('\n')}` : '',
    preflight.length > 0 ? `Before starting:\n${preflight.join('\n')}` : '',
    steps.length > 0 ? `Steps:\n${steps.join('\n')}` : '',
    proseTests.length > 0 ? `Acceptance:\n${proseTests.map((t) => `- ${t}`).join('\n')}` : '',
    notes ? `Notes: ${notes}` : ''
  ]
    .filter(Boolean)
    .join('\n\n')
  return {
    key,
    name: str(ws.title) || str(ws.description) || key,
    needs,
    file: f.path,
    line,
    done: /^(completed|complete|done|closed)$/i.test(str(ws.status)),
    paths,
    checks,
    agent: agents[0],
    fallback: agents.slice(1),
    maxAttempts: attempts,
    estimateMinutes: estimate && estimate > 0 ? estimate : undefined,
    prompt
  }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '')).filter(Boolean) : []
}

function lineOf(text: string, id: string): number {
  const i = text.indexOf(`"${id}"`)
  const j = i >= 0 ? i : text.indexOf(id)
  return j >= 0 ? text.slice(0, j).split('\n').length : 1
}
