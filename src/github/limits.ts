// GitHub's size caps on text we post, and the one truncation every renderer output goes through.

/** Size caps GitHub enforces on what autopilot writes. */
export const LIMITS = {
  /** `$GITHUB_STEP_SUMMARY` per step, in bytes (UTF-8): larger summaries are rejected. */
  jobSummaryBytes: 1024 * 1024,
  /** Issue and pull-request comment body, in characters. */
  commentChars: 65_536,
  /** Pull-request body, in characters. */
  pullRequestBodyChars: 65_536
} as const

/** How `truncateMarkdown` measures: UTF-16 code units (`chars`) or UTF-8 bytes. */
export type SizeUnit = 'chars' | 'bytes'

/**
 * Returns `text` unchanged when it fits in `max`, otherwise a prefix cut at a
 * line end, with an unclosed code fence closed, followed by `note` on its own
 * paragraph; the result never exceeds `max`. Counting UTF-16 code units
 * over-counts astral characters, so a `chars` result also fits GitHub's count.
 */
export function truncateMarkdown(text: string, max: number, note: string, unit: SizeUnit = 'chars'): string {
  const size = unit === 'chars' ? (s: string) => s.length : (s: string) => Buffer.byteLength(s, 'utf8')
  if (size(text) <= max) return text
  const tail = `\n\n${note}`
  const budget = max - size(tail)
  if (budget <= 0) return prefixWithin(note, max, size)
  let cut = prefixWithin(text, budget, size)
  // Prefer a whole line, unless that would throw away much of the budget.
  const nl = cut.lastIndexOf('\n')
  if (nl >= cut.length * 0.8) cut = cut.slice(0, nl)
  // Close a code fence left open, shrinking the cut until the closer fits too.
  for (;;) {
    const fence = openFence(cut)
    const close = fence ? `\n${fence}` : ''
    if (size(cut) + size(close) <= budget) return cut + close + tail
    cut = prefixWithin(cut, budget - size(close), size)
  }
}

/** Longest prefix of `text` whose size is at most `max`, never splitting a surrogate pair. */
function prefixWithin(text: string, max: number, size: (s: string) => number): string {
  let lo = 0
  let hi = Math.min(text.length, max)
  // Sizes grow with length, so binary-search the longest fitting prefix.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (size(text.slice(0, mid)) <= max) lo = mid
    else hi = mid - 1
  }
  const code = text.charCodeAt(lo - 1)
  if (lo > 0 && code >= 0xd800 && code <= 0xdbff) lo -= 1
  return text.slice(0, lo)
}

/** The opening fence (``` or ~~~, any length) when `markdown` ends inside a fenced code block. */
function openFence(markdown: string): string | undefined {
  let open: string | undefined
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (!fence) continue
    if (open === undefined) open = fence
    else if (fence[0] === open[0] && fence.length >= open.length) open = undefined
  }
  return open
}
