/**
 * Miyabi `Plans.md` (CoordinatorAgent output). One task per unindented
 * `- **ID**:` bullet, named by the `### N. title` heading above it; edges only
 * from its own `- **Dependencies**:` bullet; `Status: ✅ Completed` is done.
 * The "Execution Plan (DAG Levels)" is kept only to check it against the
 * dependencies (they win).
 */
import { agentName } from './agents.js'
import { ImportError } from './errors.js'
import { heading, lines, minutesIn, section, unquote, type Line } from './markdown.js'
import type { ImportedSource, SourceFile, SourceTask } from './types.js'

/** `- **Key**: value` at the start of a line. */
const BULLET = /^[-*]\s+\*\*([^*]+?)\*\*\s*:?\s*(.*)$/

/** Plan-wide sections that end the last task's description. */
const PLAN_SECTION = /Execution Plan|Dependency Graph|Timeline|Success Criteria|Implementation Files|Technology Stack|Tech Stack|Environment Variables|Implementation Notes|Notes for/i

/** Read one Plans.md. */
export function readMiyabi(file: SourceFile): ImportedSource {
  const link = /^(Plans-[\w.-]+\.md)\s*$/.exec(file.text)
  if (link) throw new ImportError(file.path, 1, `this file only names ${link[1]} (Plans-latest.md is a symbolic link stored as text); import ${link[1]} itself`)
  const ls = lines(file.text)
  const warnings: string[] = []
  const idLines = ls.filter((l) => !l.inFence && /^[-*]\s+\*\*ID\*\*\s*:/.test(l.text))
  const tasks: SourceTask[] = []
  const ignored = new Map<string, number>()
  idLines.forEach((idLine, i) => {
    const start = titleLineIndex(ls, idLine.n - 1)
    const next = idLines[i + 1]
    const end = next ? titleLineIndex(ls, next.n - 1) : endOfLastTask(ls, idLine.n - 1)
    const block = ls.slice(start, end)
    const title = heading(ls[start]!)?.text ?? ''
    const t: SourceTask = {
      key: unquote(BULLET.exec(idLine.text)![2]!),
      name: title.replace(/^\d+\.\s*/, '').replace(/\s*✅\s*$/, '').trim(),
      needs: [],
      file: file.path,
      line: idLine.n,
      done: false,
      prompt: ''
    }
    const body: string[] = []
    let inBullets = true
    for (const l of block.slice(1)) {
      const m = BULLET.exec(l.text)
      if (inBullets && m && !l.inFence) {
        applyBullet(t, m[1]!.trim(), m[2]!.trim(), ignored)
        continue
      }
      if (inBullets && l.text.trim() === '') continue
      inBullets = false
      body.push(l.text)
    }
    t.paths = filesIn(body)
    t.prompt = body.join('\n').replace(/\n-{3,}\s*$/, '').trim()
    if (!t.name) t.name = t.key
    tasks.push(t)
  })
  for (const [field, count] of ignored) warnings.push(`${file.path}: "${field}" (${count} task${count === 1 ? '' : 's'}) has no plan field; not carried over`)

  const header = /^#\s+Plans for Issue #(\d+)/m.exec(file.text)
  const title = /^\*\*Title\*\*\s*:\s*(.+)$/m.exec(file.text)?.[1]?.trim()
  const objective = section(file.text, /Objective|Goal|Overview/)
  for (const s of plannedSections(ls)) warnings.push(`${file.path}:${s.n}: section "${s.text}" is not carried over (the plan has no place for it)`)
  return {
    format: 'miyabi',
    title: title ?? heading(ls[0] ?? { n: 1, text: '', inFence: false })?.text ?? 'Imported plan',
    issue: header ? Number(header[1]) : undefined,
    intent: [title, objective].filter(Boolean).join('\n\n'),
    tasks,
    warnings,
    statedLevels: levels(file)
  }
}

function applyBullet(t: SourceTask, key: string, value: string, ignored: Map<string, number>): void {
  switch (key.toLowerCase()) {
    case 'id':
      return
    case 'dependencies':
    case 'depends on':
      t.needs = value
        .split(',')
        .map(unquote)
        .filter((d) => d !== '' && !/^(none|-|n\/a)$/i.test(d))
      return
    case 'status':
      if (/✅|completed|done/i.test(value)) t.done = true
      return
    case 'estimated duration':
    case 'estimate':
      t.estimateMinutes = minutesIn(value)
      return
    case 'assigned agent':
    case 'agent': {
      const agent = agentName(value.split(/\s/)[0] ?? '')
      if (agent) t.agent = agent
      else ignored.set(`Assigned Agent: ${value}`, (ignored.get(`Assigned Agent: ${value}`) ?? 0) + 1)
      return
    }
    default:
      ignored.set(key, (ignored.get(key) ?? 0) + 1)
  }
}

/** The task's `###` title line: the nearest heading above the ID bullet. */
function titleLineIndex(ls: Line[], idIndex: number): number {
  for (let i = idIndex - 1; i >= 0; i--) if (heading(ls[i]!)) return i
  return idIndex
}

/** The last task ends at the first plan-wide `##` section after it. */
function endOfLastTask(ls: Line[], idIndex: number): number {
  for (let i = idIndex + 1; i < ls.length; i++) {
    const h = heading(ls[i]!)
    if (h && h.level <= 2 && PLAN_SECTION.test(h.text)) return i
  }
  return ls.length
}

/** `**Files**:` lists in a description: `- \`path\` (new)` → `path`. */
function filesIn(body: string[]): string[] {
  const out: string[] = []
  let inFiles = false
  for (const l of body) {
    if (/^\*\*Files\*\*\s*:/.test(l.trim())) {
      inFiles = true
      continue
    }
    if (!inFiles) continue
    const m = /^\s*[-*]\s+`([^`]+)`/.exec(l) ?? /^\s*[-*]\s+([^\s(]+\/[^\s(]*|[^\s(]+\.[A-Za-z0-9]+)\b/.exec(l)
    if (m) out.push(m[1]!)
    else if (l.trim() !== '') inFiles = false
  }
  return out
}

/** Plan-wide `##` sections after the tasks that no plan field holds. */
function plannedSections(ls: Line[]): Line[] {
  const skip = /Summary|Task Breakdown|Execution Plan|Objective|Goal|Overview/
  return ls.filter((l) => {
    const h = heading(l)
    return h?.level === 2 && !skip.test(h.text) && /^\P{L}/u.test(h.text)
  }).map((l) => ({ ...l, text: heading(l)!.text }))
}

/** The "Execution Plan (DAG Levels)": `### Level K ...` + `- \`id\`` items, or `- **Level K**: \`a\`, \`b\``. */
function levels(file: SourceFile): ImportedSource['statedLevels'] {
  const ls = lines(file.text)
  const start = ls.findIndex((l) => /^##\s.*Execution Plan/.test(l.text))
  if (start < 0) return undefined
  const out: NonNullable<ImportedSource['statedLevels']> = []
  let level: number | undefined
  for (const l of ls.slice(start + 1)) {
    const h = heading(l)
    if (h && h.level <= 2) break
    const lh = h && /^Level\s+(\d+)/i.exec(h.text)
    if (lh) {
      level = Number(lh[1])
      continue
    }
    const flat = /^[-*]\s+\*\*Level\s+(\d+)\*\*\s*:\s*(.*)$/i.exec(l.text)
    if (flat) {
      for (const m of flat[2]!.matchAll(/`([^`]+)`/g)) out.push({ key: m[1]!, level: Number(flat[1]), file: file.path, line: l.n })
      continue
    }
    const item = /^[-*]\s+`([^`]+)`/.exec(l.text)
    if (item && level !== undefined) out.push({ key: item[1]!, level, file: file.path, line: l.n })
  }
  return out
}
