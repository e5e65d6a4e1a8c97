/**
 * An issue's task list: each unindented `- [ ] ...` item is a task (checked =
 * done, nested lines belong to it). "depends on #2", "after #2", "after 1, 3"
 * or "after <words>" make edges: `#N`/`N` is the item that starts with `#N`,
 * else the N-th item; words match the start of another item's name.
 */
import { checkbox, lines, type Line } from './markdown.js'
import { slug } from './ids.js'
import type { ImportedSource, SourceFile, SourceTask } from './types.js'

/** An issue as `init` gets it: from GitHub, or a Markdown file (`# title` then the body). */
export interface IssueText {
  number?: number
  title?: string
  body: string
  /** Where the body came from, for messages. */
  path: string
}

const HINT = /\(?\s*\b(?:depends on|depends upon|after|needs|blocked by)\s*:?\s+((?:#?\d+|task\s+\d+)(?:\s*(?:,|and|&)\s*(?:#?\d+|task\s+\d+))*|[^).;]+)\)?\.?\s*$/i

/** Read an issue body (a leading `# title` line is the title when none is given). */
export function readIssue(issue: IssueText): ImportedSource {
  let body = issue.body.replace(/\r\n/g, '\n')
  let title = issue.title
  const h1 = /^#\s+(.+)\n?/.exec(body)
  if (!title && h1) {
    title = h1[1]!.trim()
    body = body.slice(h1[0].length)
  }
  const ls = lines(body)
  const offset = h1 && !issue.title ? 1 : 0
  const items: { line: Line; text: string; checked: boolean; nested: string[] }[] = []
  ls.forEach((l, i) => {
    const box = checkbox(l)
    if (!box || box.indent > 0) return
    const nested: string[] = []
    for (const n of ls.slice(i + 1)) {
      if (checkbox(n)?.indent === 0 || (/^\S/.test(n.text) && !n.inFence)) break
      if (n.text.trim() !== '') nested.push(n.text)
    }
    items.push({ line: l, text: box.text, checked: box.checked, nested })
  })
  const warnings: string[] = []
  const names = items.map((it) => it.text.replace(HINT, '').trim() || it.text)
  const tasks: SourceTask[] = items.map((it, i) => ({
    key: String(i + 1),
    idHint: `${i + 1}-${slug(names[i]!.replace(/^#\d+\s*/, ''), 40)}`,
    name: names[i]!.replace(/`/g, ''),
    needs: [],
    file: issue.path,
    line: it.line.n + offset,
    done: it.checked,
    prompt: [it.text, ...it.nested].join('\n')
  }))
  items.forEach((it, i) => {
    const hint = HINT.exec(it.text)
    if (!hint) return
    const refs = hint[1]!.trim()
    const numbers = /^(?:#?\d+|task\s+\d+)/i.test(refs) ? [...refs.matchAll(/#?(\d+)/g)].map((m) => Number(m[1])) : []
    if (numbers.length > 0) {
      for (const n of numbers) {
        const byRef = items.findIndex((x) => new RegExp(`^#${n}\\b`).test(x.text))
        const index = byRef >= 0 ? byRef : n - 1
        if (index >= 0 && index < items.length && index !== i) tasks[i]!.needs.push(String(index + 1))
        else warnings.push(`${issue.path}:${tasks[i]!.line}: "${hint[0].trim()}" names no other item of the task list; ignored`)
      }
      return
    }
    const words = refs.toLowerCase().replace(/^the\s+/, '')
    const index = names.findIndex((n, j) => j !== i && n.toLowerCase().replace(/^#\d+\s*/, '').startsWith(words))
    if (index >= 0) tasks[i]!.needs.push(String(index + 1))
    else warnings.push(`${issue.path}:${tasks[i]!.line}: "${hint[0].trim()}" names no item of the task list; ignored`)
  })
  const firstItem = items[0]?.line.n ?? ls.length + 1
  const intro = ls.slice(0, firstItem - 1).map((l) => l.text).join('\n').trim()
  const after = ls.slice((items[items.length - 1]?.line.n ?? ls.length) + (items[items.length - 1]?.nested.length ?? 0)).map((l) => l.text).join('\n').trim()
  if (after) warnings.push(`${issue.path}: text after the task list is not carried over`)
  return {
    format: 'issue',
    title: title ?? (issue.number !== undefined ? `Issue #${issue.number}` : 'Imported issue'),
    issue: issue.number,
    intent: [title, intro].filter(Boolean).join('\n\n'),
    tasks,
    warnings
  }
}

/** A Markdown file read as an issue. */
export function readIssueFile(file: SourceFile, number?: number): ImportedSource {
  return readIssue({ body: file.text, path: file.path, number })
}
