// Cutting report text to a width without breaking what a reader needs whole.

/**
 * `text` cut to about `max` characters, never inside a quoted name: a cut
 * that falls in `"..."` moves to the end of the quote (names are short).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const quotesBefore = (text.slice(0, end).match(/"/g) ?? []).length
  if (quotesBefore % 2 === 1) {
    const close = text.indexOf('"', end)
    end = close === -1 ? end : close + 1
  }
  return end >= text.length ? text : `${text.slice(0, end).trimEnd()}…`
}
