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
 * The last JSON object in `text`: the whole text when it is one document
 * (pretty-printed output), else the last JSON line.
 */
export function lastJsonObject(text: string): Record<string, unknown> | undefined {
  const t = text.trim()
  const start = t.indexOf('{')
  if (start >= 0) {
    try {
      const v: unknown = JSON.parse(t.slice(start))
      if (isObject(v)) return v
    } catch {
      // Not one document: fall back to lines.
    }
  }
  return jsonLines(text).at(-1)
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
