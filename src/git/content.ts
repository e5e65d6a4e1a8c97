/**
 * What a blob's bytes are, judged from the bytes alone (never from git
 * attributes or config, which a task can rewrite): text or binary, and the
 * printable strings of a binary file for the secret scanner. Pure.
 */

/** Git's own test for binary content (xdiff's `buffer_is_binary`): a NUL byte in the first 8000 bytes. */
export function looksBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0)
}

/**
 * Blobs up to this size are read to tell text from binary and to find the
 * strings in binary files; larger ones count as binary unread (the size gate
 * denies them long before this with its defaults).
 */
export const MAX_READ_BYTES = 32 * 1024 * 1024

/**
 * Runs of at least `min` printable ASCII characters (what `strings` prints),
 * with the line they sit on when the bytes are read as text. Pure.
 */
export function printableStrings(content: Buffer, min = 8): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = []
  let line = 1
  let start = -1
  for (let i = 0; i <= content.length; i++) {
    const b = i < content.length ? content[i] : 0
    const printable = (b >= 0x20 && b < 0x7f) || b === 0x09
    if (printable) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0 && i - start >= min) out.push({ line, text: content.toString('latin1', start, i) })
    start = -1
    if (b === 0x0a) line++
  }
  return out
}
