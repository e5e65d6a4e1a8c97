/**
 * Helpers for reading agent CLIs' machine output: JSON documents and JSON
 * Lines, tolerant of log lines mixed in (CLIs print warnings on stdout too).
 */

/** Every line of `text` that parses as a JSON object, in order. */
export function jsonLines(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const line of text.split('\n')) {
    const t = line.trim()
    if (!t.startsWith('{')) continue
    try {
      const v: unknown = JSON.parse(t)
      if (isObject(v)) out.push(v)
    } catch {
      // Not JSON: a log line or a truncated event; skip it.
    }
  }
  return out
}

/**
 * The end of the JSON object that starts at `text[start]` (a `{`), found by
 * matching braces outside strings; -1 when it never closes.
 */
function objectEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i
  }
  return -1
}

/**
 * The last JSON object in `text` that `accept` takes, wherever it sits: a
 * pretty-printed document, one JSON line, or either with log lines or other
 * JSON before and after it (a CLI's warnings, a retried request's error). Only
 * objects that open at the start of a line are candidates, so a `{` inside a
 * log message is not mistaken for the document.
 */
export function findJsonDocument(
  text: string,
  accept: (doc: Record<string, unknown>) => boolean = () => true
): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    if (!atLineStart(text, start)) continue
    const end = objectEnd(text, start)
    if (end < 0) continue
    try {
      const v: unknown = JSON.parse(text.slice(start, end + 1))
      if (isObject(v) && accept(v)) {
        found = v
        start = end
      }
    } catch {
      // Not JSON after all: keep looking.
    }
  }
  return found
}

function atLineStart(text: string, i: number): boolean {
  let j = i - 1
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j--
  return j < 0 || text[j] === '\n'
}

/** The last JSON object in `text` (see findJsonDocument). */
export function lastJsonObject(text: string): Record<string, unknown> | undefined {
  return findJsonDocument(text)
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A non-negative finite number, else 0. */
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0
}

/**
 * The driver's default flags, unless the plan's `args` already set one of
 * `overriddenBy` (so `args: [--approval-mode, yolo]` replaces our default
 * instead of passing the flag twice).
 */
export function unlessOverridden(args: string[], overriddenBy: string[], defaults: string[]): string[] {
  const set = args.some((a) => overriddenBy.some((f) => a === f || a.startsWith(`${f}=`)))
  return set ? [] : defaults
}
