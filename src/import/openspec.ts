/**
 * OpenSpec change folders (`proposal.md`, `tasks.md`, optional `design.md`).
 * Each `## N.` section of tasks.md is one task, done when every checkbox in it
 * (nested ones too, or the Status cells of its table) is checked; with no
 * numbered sections, each unindented checklist item is one. Tasks chain in file
 * order. Tables `| ID | Status | Files | Action | Verify | Done |` give file
 * scopes (`paths`) and verify commands (`checks`).
 */
import { checkbox, firstTitle, heading, lines, section, type Line } from './markdown.js'
import { slug } from './ids.js'
import { looksLikeCommand } from './commands.js'
import type { ImportedSource, SourceFile, SourceTask } from './types.js'

/** Read a change: `files` holds tasks.md and, when present, proposal.md and design.md. */
export function readOpenSpec(files: SourceFile[], changeName: string): ImportedSource {
  const tasksFile = files.find((f) => /(^|\/)tasks\.md$/.test(f.path)) ?? files[0]!
  const proposal = files.find((f) => /(^|\/)proposal\.md$/.test(f.path))
  const design = files.find((f) => /(^|\/)design\.md$/.test(f.path))
  const warnings: string[] = []
  const ls = lines(tasksFile.text)
  const numbered = ls.filter((l) => heading(l)?.level === 2 && /^\d+\.\s/.test(heading(l)!.text))
  const tasks = numbered.length > 0 ? bySection(tasksFile, ls, numbered, warnings) : byItem(tasksFile, ls)
  tasks.forEach((t, i) => {
    if (i > 0) t.needs = [tasks[i - 1]!.key]
  })
  if (design) warnings.push(`${design.path}: design notes are not carried over; agents can still read the file in the repository`)
  const why = proposal ? section(proposal.text, /^Why\b/i) : ''
  const title = (proposal && firstTitle(proposal.text)?.replace(/^Change:\s*/i, '')) || changeName
  if (proposal) {
    for (const s of ['What Changes', 'Impact']) if (section(proposal.text, new RegExp(`^${s}`, 'i'))) warnings.push(`${proposal.path}: "## ${s}" is not carried over (intent holds "Why" only)`)
  }
  return { format: 'openspec', title, intent: why, tasks, warnings }
}

function bySection(file: SourceFile, ls: Line[], numbered: Line[], warnings: string[]): SourceTask[] {
  return numbered.map((h) => {
    const title = heading(h)!.text
    const number = /^(\d+)\./.exec(title)![1]!
    const name = title.replace(/^\d+\.\s*/, '')
    const endLine = nextSection(ls, h.n)
    const body = ls.slice(h.n, endLine - 1)
    const boxes = body.map(checkbox).filter((b) => b !== undefined)
    const table = tableRows(body)
    const states = [...boxes.map((b) => b.checked), ...table.map((r) => r.done)]
    const paths: string[] = []
    const checks: string[] = []
    for (const r of table) {
      paths.push(...r.files)
      if (r.verify && looksLikeCommand(r.verify)) checks.push(r.verify)
      else if (r.verify) warnings.push(`${file.path}:${r.line}: Verify "${r.verify}" is not a shell command; kept in the prompt only`)
    }
    return {
      key: number,
      idHint: `${number}-${slug(name)}`,
      name,
      needs: [],
      file: file.path,
      line: h.n,
      done: states.length > 0 && states.every(Boolean),
      paths,
      checks,
      prompt: body.map((l) => l.text).join('\n').trim()
    }
  })
}

function byItem(file: SourceFile, ls: Line[]): SourceTask[] {
  const out: SourceTask[] = []
  let group = ''
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!
    const h = heading(l)
    if (h && h.level >= 2) group = h.text
    const box = checkbox(l)
    if (!box || box.indent > 0) continue
    const nested: string[] = []
    let allChecked = box.checked
    for (let j = i + 1; j < ls.length; j++) {
      const next = ls[j]!
      if (heading(next) || (checkbox(next)?.indent === 0) || (/^\S/.test(next.text) && !next.inFence)) break
      nested.push(next.text)
      const sub = checkbox(next)
      if (sub && !sub.checked) allChecked = false
    }
    const key = String(out.length + 1)
    out.push({
      key,
      idHint: `${key}-${slug(box.text)}`,
      name: box.text.replace(/`/g, '').slice(0, 120),
      needs: [],
      file: file.path,
      line: l.n,
      done: allChecked,
      prompt: [group ? `Part of: ${group}` : '', box.text, ...nested].filter(Boolean).join('\n')
    })
  }
  return out
}

/** Line number where the numbered sections end (the next `#`/`##` heading that is not numbered). */
function nextSection(ls: Line[], from: number): number {
  for (const l of ls.slice(from)) {
    const h = heading(l)
    if (h && h.level <= 2) return l.n
  }
  return ls.length + 1
}

interface Row {
  line: number
  done: boolean
  files: string[]
  verify?: string
}

/** Rows of `| ID | Status | Files | ... | Verify | ... |` tables (header names decide the columns). */
function tableRows(body: Line[]): Row[] {
  const rows: Row[] = []
  let cols: string[] | undefined
  for (const l of body) {
    if (l.inFence || !l.text.trim().startsWith('|')) {
      cols = undefined
      continue
    }
    const cells = l.text.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim())
    if (!cols) {
      cols = cells.map((c) => c.toLowerCase())
      continue
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue
    const get = (name: string) => cells[cols!.indexOf(name)] ?? ''
    const files = [...get('files').matchAll(/`([^`]+)`/g)].map((m) => m[1]!)
    const verify = /^`([^`]+)`$/.exec(get('verify'))?.[1] ?? (get('verify') || undefined)
    rows.push({ line: l.n, done: /\[[xX]\]/.test(get('status')), files, verify })
  }
  return rows
}
