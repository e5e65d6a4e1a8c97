/**
 * CCPM epics (`.claude/epics/<epic>/`): one task per file named by a number
 * (`179.md`); edges from `depends_on` (task file numbers, else GitHub issue
 * numbers); `conflicts_with` is a warning, not an edge; `closed`/`completed`
 * are done. `epic.md` gives the title, the issue and the intent (Overview).
 */
import { frontMatter, firstTitle, lines, section } from './markdown.js'
import { minutesIn } from './markdown.js'
import { slug } from './ids.js'
import type { ImportedSource, SourceFile, SourceTask } from './types.js'

const DONE = /^(closed|completed|done)$/i

/** Read an epic folder's files (task files, epic.md; other companions are reported, not read). */
export function readCcpm(files: SourceFile[], epicName: string): ImportedSource {
  const warnings: string[] = []
  const epic = files.find((f) => /(^|\/)epic\.md$/.test(f.path))
  const taskFiles = files
    .filter((f) => /(^|\/)\d+\.md$/.test(f.path))
    .sort((a, b) => numberOf(a.path) - numberOf(b.path))
  for (const f of files) {
    if (f !== epic && !taskFiles.includes(f)) warnings.push(`${f.path}: companion file not carried over (only epic.md and numbered task files are read)`)
  }
  const byIssue = new Map<number, string>()
  const parsed = taskFiles.map((f) => {
    const { data, body } = frontMatter(f.text, f.path)
    const key = String(numberOf(f.path))
    const issue = issueNumber(data.github)
    if (issue !== undefined) byIssue.set(issue, key)
    return { f, data, body, key }
  })
  const keys = new Set(parsed.map((p) => p.key))
  const tasks: SourceTask[] = parsed.map(({ f, data, body, key }) => {
    const name = String(data.name ?? firstTitle(body)?.replace(/^Task:\s*/i, '') ?? key).trim()
    const needs = numbers(data.depends_on).map((n) => (keys.has(String(n)) ? String(n) : (byIssue.get(n) ?? String(n))))
    const conflicts = numbers(data.conflicts_with)
    if (conflicts.length > 0) {
      warnings.push(`${f.path}:${lineOf(f.text, 'conflicts_with')}: conflicts_with [${conflicts.join(', ')}] is not an edge; autopilot warns when same-level tasks' paths overlap, so give both tasks paths`)
    }
    const effort = section(body, /Effort/i)
    return {
      key,
      idHint: `task-${key}-${slug(name, 30)}`,
      name,
      needs,
      file: f.path,
      line: 1,
      done: DONE.test(String(data.status ?? '')),
      paths: filesIn(section(body, /Technical Details|Files/i)),
      estimateMinutes: effort ? minutesIn(effort) : undefined,
      prompt: body.trim()
    }
  })
  const epicData = epic ? frontMatter(epic.text, epic.path) : undefined
  const overview = epicData ? section(epicData.body, /^Overview/i) : ''
  return {
    format: 'ccpm',
    title: String(epicData?.data.name ?? (epicData && firstTitle(epicData.body)?.replace(/^Epic:\s*/i, '')) ?? epicName),
    issue: issueNumber(epicData?.data.github),
    intent: overview,
    tasks,
    warnings
  }
}

function numberOf(path: string): number {
  return Number(/(\d+)\.md$/.exec(path)?.[1] ?? NaN)
}

/** `[179]`, `[181, 182]`, `179`, `"179, 180"` → numbers. */
function numbers(v: unknown): number[] {
  if (v === undefined || v === null) return []
  const list = Array.isArray(v) ? v : String(v).replace(/[[\]"']/g, ' ').split(/[\s,]+/)
  return list.map((x) => Number(String(x).replace(/^#/, ''))).filter((n) => Number.isInteger(n))
}

function issueNumber(github: unknown): number | undefined {
  const m = /\/issues\/(\d+)/.exec(String(github ?? ''))
  return m ? Number(m[1]) : undefined
}

function lineOf(text: string, key: string): number {
  const i = lines(text).find((l) => l.text.startsWith(`${key}:`))
  return i?.n ?? 1
}

/** Backticked paths in a "Technical Details" section that look like files or folders. */
function filesIn(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const p = m[1]!
    if (/^[\w.@-]+(\/[\w.@*-]+)+\/?$/.test(p) && !p.includes('://') && !out.includes(p)) out.push(p)
  }
  return out
}
