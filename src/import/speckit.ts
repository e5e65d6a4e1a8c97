/**
 * GitHub spec-kit `tasks.md`. Each `- [ ] T###` line (or `### T###:` heading,
 * done when all its checkboxes are checked) is a task. Phases (`##`) run in
 * order; within a phase tasks run in listed order, except that a run of
 * consecutive `[P]` tasks is one parallel group. Each group needs the group
 * before it; a phase's first group needs every task of the previous phase.
 */
import { checkbox, firstTitle, heading, lines, section, type Line } from './markdown.js'
import { pathsInProse } from './prose-paths.js'
import type { ImportedSource, SourceFile, SourceTask } from './types.js'

const LINE_TASK = /^(T\d+[A-Za-z]?)\b[:.]?\s*(.*)$/
const HEADING_TASK = /^(T\d+[A-Za-z]?)\s*[:.-]?\s*(.*)$/

interface Parsed {
  task: SourceTask
  parallel: boolean
  phase: number
}

/** Read a tasks.md. */
export function readSpeckit(file: SourceFile): ImportedSource {
  const ls = lines(file.text)
  const warnings: string[] = []
  const parsed: Parsed[] = []
  let phase = 0
  let phaseTitle = ''
  let stories = 0
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!
    const h = heading(l)
    // `##` headings are phases; some files write `### Phase N: ...` instead.
    if (h && (h.level <= 2 || /^Phase\b/i.test(h.text))) {
      phase++
      phaseTitle = h.text
      continue
    }
    const box = checkbox(l)
    const fromLine = box && box.indent === 0 ? LINE_TASK.exec(box.text) : null
    const fromHeading = h && h.level >= 3 ? HEADING_TASK.exec(h.text) : null
    if (!fromLine && !fromHeading) continue
    let rest = (fromLine ?? fromHeading)![2]!
    const key = (fromLine ?? fromHeading)![1]!
    const parallel = /\[P\]/.test(rest)
    const story = /\[([A-Z]*-?US\d+)\]/.exec(rest)?.[1]
    if (story) stories++
    rest = rest.replace(/\[P\]\s*/g, '').replace(/\[[A-Z]*-?US\d+\]\s*/g, '').trim()
    const body = fromHeading ? blockUnder(ls, i) : nested(ls, i)
    const boxes = body.map(checkbox).filter((b) => b !== undefined)
    const done = fromLine ? box!.checked : boxes.length > 0 && boxes.every((b) => b.checked)
    parsed.push({
      parallel,
      phase,
      task: {
        key,
        name: rest.replace(/`/g, '').slice(0, 160) || key,
        needs: [],
        file: file.path,
        line: l.n,
        done,
        paths: pathsInProse(rest),
        prompt: [phaseTitle ? `Phase: ${phaseTitle}` : '', story ? `User story: ${story}` : '', rest, ...body.map((b) => b.text)].filter(Boolean).join('\n')
      }
    })
  }
  linkGroups(parsed)
  if (stories > 0) warnings.push(`${file.path}: user-story tags ([USn]) have no plan field; kept in each prompt`)
  for (const s of ['Dependencies & Execution Order', 'Parallel Example', 'Implementation Strategy']) {
    if (section(file.text, new RegExp(`^${s.replace(/[&]/g, '.')}`))) warnings.push(`${file.path}: "## ${s}" is prose; its order is read from phases and [P] markers only`)
  }
  const title = (firstTitle(file.text) ?? 'Imported tasks').replace(/^Tasks:\s*/i, '')
  const input = /^\*\*Input\*\*\s*:?\s*(.+)$/m.exec(file.text)?.[1] ?? ''
  return { format: 'speckit', title, intent: [title, input].filter(Boolean).join('\n\n'), tasks: parsed.map((p) => p.task), warnings }
}

/** Phases in order, `[P]` runs as groups: each group needs the previous group, a phase's first group the whole previous phase. */
function linkGroups(parsed: Parsed[]): void {
  const phases = [...new Set(parsed.map((p) => p.phase))]
  let previousPhase: string[] = []
  for (const ph of phases) {
    const items = parsed.filter((p) => p.phase === ph)
    const groups: Parsed[][] = []
    for (const p of items) {
      const last = groups[groups.length - 1]
      if (p.parallel && last && last[0]!.parallel) last.push(p)
      else groups.push([p])
    }
    groups.forEach((g, i) => {
      const needs = i === 0 ? previousPhase : groups[i - 1]!.map((p) => p.task.key)
      for (const p of g) p.task.needs = [...needs]
    })
    previousPhase = items.map((p) => p.task.key)
  }
}

/** Indented lines under a task line. */
function nested(ls: Line[], i: number): Line[] {
  const out: Line[] = []
  for (const l of ls.slice(i + 1)) {
    if (l.text.trim() !== '' && !/^\s/.test(l.text)) break
    if (l.text.trim() !== '') out.push(l)
  }
  return out
}

/** Lines under a `### T001:` heading up to the next heading. */
function blockUnder(ls: Line[], i: number): Line[] {
  const out: Line[] = []
  for (const l of ls.slice(i + 1)) {
    if (heading(l)) break
    if (l.text.trim() !== '' && !/^-{3,}$/.test(l.text.trim())) out.push(l)
  }
  return out
}
