// Small Markdown readings shared by the readers: lines outside code fences, headings, front matter, checkboxes.
import { parseDocument } from 'yaml'
import { ImportError } from './errors.js'

/** One line with its 1-based number and whether it sits inside a fenced code block. */
export interface Line {
  n: number
  text: string
  inFence: boolean
}

/** The lines of `text`, fences marked (a fence line itself counts as inside). Escaped fences (\`\`\`) are text. */
export function lines(text: string): Line[] {
  let fence: string | undefined
  return text.split(/\r?\n/).map((t, i) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(t)
    if (m) {
      const mark = m[1]!
      if (fence === undefined) fence = mark[0]!.repeat(mark.length)
      else if (mark.startsWith(fence)) {
        fence = undefined
        return { n: i + 1, text: t, inFence: true }
      }
    }
    return { n: i + 1, text: t, inFence: fence !== undefined }
  })
}

/** `## Heading` → { level: 2, text: 'Heading' }, else undefined. Lines inside fences are never headings. */
export function heading(line: Line): { level: number; text: string } | undefined {
  if (line.inFence) return undefined
  const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line.text)
  return m ? { level: m[1]!.length, text: m[2]! } : undefined
}

/** A GitHub task-list item: `- [ ] text` / `* [x] text`, with its indent. */
export function checkbox(line: Line): { indent: number; checked: boolean; text: string } | undefined {
  if (line.inFence) return undefined
  const m = /^(\s*)[-*+]\s+\[([ xX])\]\s*(.*)$/.exec(line.text)
  return m ? { indent: m[1]!.length, checked: m[2] !== ' ', text: m[3]!.trim() } : undefined
}

/** YAML front matter (`---` ... `---` at the top) and the body after it; errors located in `file`. */
export function frontMatter(text: string, file: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text)
  if (!m) return { data: {}, body: text, bodyLine: 1 }
  const doc = parseDocument(m[1]!, { prettyErrors: false })
  const err = doc.errors[0]
  if (err) {
    const line = 1 + (err.linePos?.[0]?.line ?? 1)
    throw new ImportError(file, line, `front matter is not valid YAML: ${err.message.split('\n')[0]}`)
  }
  const data = doc.toJS() as unknown
  const bodyLine = m[0].split('\n').length
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body: text.slice(m[0].length), bodyLine }
}

/**
 * The text of the `##`-level (or any `level`) section whose heading matches `title`,
 * up to the next heading of the same or higher level; '' if absent.
 */
export function section(text: string, title: RegExp, level = 2): string {
  const ls = lines(text)
  const start = ls.findIndex((l) => {
    const h = heading(l)
    return h !== undefined && h.level === level && title.test(h.text)
  })
  if (start < 0) return ''
  const out: string[] = []
  for (const l of ls.slice(start + 1)) {
    const h = heading(l)
    if (h && h.level <= level) break
    out.push(l.text)
  }
  return out.join('\n').trim()
}

/** The first `# ` heading's text, if any. */
export function firstTitle(text: string): string | undefined {
  for (const l of lines(text)) {
    const h = heading(l)
    if (h?.level === 1) return h.text
  }
  return undefined
}

/** Text between backticks, or the text itself without surrounding punctuation. */
export function unquote(s: string): string {
  return s.trim().replace(/^`+|`+$/g, '').trim()
}

/**
 * Minutes in an estimate like `30 min`, `2h`, `1.5 hours`, `90min`, `2 days` (8 h a day), or undefined.
 * The first number and unit win (`8-10 hours` is 8 hours).
 */
export function minutesIn(s: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(?:-\s*\d+(?:\.\d+)?\s*)?(minutes?|mins?|m\b|hours?|hrs?|h\b|days?|d\b)/i.exec(s)
  if (!m) return undefined
  const n = Number(m[1])
  const unit = m[2]!.toLowerCase()
  const factor = unit.startsWith('d') ? 8 * 60 : unit.startsWith('h') ? 60 : 1
  const v = Math.round(n * factor)
  return v > 0 ? v : undefined
}
