/**
 * A PROJECT_PLAN.md autonomous queue: only the entries under the "Ready for
 * Autonomous Execution" heading (`→ **[task_3]** title` with indented
 * `- Key: value` lines); no edges unless an entry says `Depends on: task_N`.
 */
import { firstTitle, heading, lines, section, type Line } from './markdown.js'
import type { ImportedSource, SourceFile, SourceTask } from './types.js'

const ENTRY = /^\s*(?:→|->|[-*])\s*\*\*\[([^\]]+)\]\*\*\s*(.*)$/
const FIELD = /^\s+(?:[-*]\s+)?([^:]+):\s*(.*)$/

/** Read a PROJECT_PLAN.md. */
export function readProjectPlan(file: SourceFile): ImportedSource {
  const ls = lines(file.text)
  const warnings: string[] = []
  const tasks: SourceTask[] = []
  let ready = false
  let readyLevel = 0
  let other: { title: string; n: number; count: number } | undefined
  const flush = () => {
    if (other && other.count > 0) warnings.push(`${file.path}:${other.n}: ${other.count} entr${other.count === 1 ? 'y' : 'ies'} under "${other.title}" not imported (only "Ready for Autonomous Execution" is)`)
    other = undefined
  }
  const unmapped = new Map<string, number>()
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!
    const h = heading(l)
    if (h) {
      if (/Ready for Autonomous Execution/i.test(h.text)) {
        flush()
        ready = true
        readyLevel = h.level
        continue
      }
      if (ready && h.level <= readyLevel) ready = false
      if (!ready) {
        flush()
        other = { title: h.text, n: l.n, count: 0 }
      }
      continue
    }
    const m = l.inFence ? null : ENTRY.exec(l.text)
    if (!m) continue
    if (!ready) {
      if (other) other.count++
      continue
    }
    tasks.push(entry(file, ls, i, m[1]!.trim(), m[2]!.trim(), unmapped))
  }
  flush()
  for (const [k, n] of unmapped) warnings.push(`${file.path}: "${k}" (${n} entr${n === 1 ? 'y' : 'ies'}) has no plan field; kept in the prompt`)
  const title = firstTitle(file.text) ?? 'Project plan'
  const intent = section(file.text, /Goal|Overview|Vision|Summary|Objective/i) || section(file.text, /Goal|Overview|Vision|Summary|Objective/i, 3)
  return { format: 'project-plan', title, intent, tasks, warnings }
}

function entry(file: SourceFile, ls: Line[], i: number, key: string, name: string, unmapped: Map<string, number>): SourceTask {
  const fields: string[] = []
  const inline = /\bDepends on:\s*(.+)$/i.exec(name)
  const task: SourceTask = { key, name: (inline ? name.slice(0, inline.index) : name).replace(/[\s(—–-]+$/, '') || key, needs: [], file: file.path, line: ls[i]!.n, done: false, prompt: '' }
  if (inline) task.needs.push(...dependencyIds(inline[1]!))
  for (const l of ls.slice(i + 1)) {
    const f = FIELD.exec(l.text)
    if (!f) {
      if (l.text.trim() === '') continue
      break
    }
    const k = f[1]!.trim()
    const v = f[2]!.trim()
    fields.push(`- ${k}: ${v}`)
    if (/^depends on$/i.test(k)) task.needs.push(...dependencyIds(v))
    else if (/^status$/i.test(k)) task.done = /done|complete|merged/i.test(v)
    else unmapped.set(k, (unmapped.get(k) ?? 0) + 1)
  }
  task.prompt = [name, ...fields].join('\n')
  return task
}

/** `task_1, task_2` / `[task_1] and [task_2]` → ids. */
function dependencyIds(text: string): string[] {
  return (text.match(/[A-Za-z_][\w-]*/g) ?? []).filter((d) => !/^(none|and|or)$/i.test(d))
}
