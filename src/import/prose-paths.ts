// File paths named in prose ("Create User model in backend/src/models/user.py").

/**
 * Repository-relative paths in `text`: backticked tokens and bare tokens with a
 * `/` (`src/models/user.py`, `backend/src`). URLs, `@refs`, absolute paths and
 * template placeholders (`[name]`) are skipped.
 */
export function pathsInProse(text: string): string[] {
  const out: string[] = []
  const add = (p: string) => {
    const clean = p.replace(/[),.;:]+$/, '')
    if (clean.includes('://') || clean.startsWith('/') || clean.startsWith('@') || /[[\]<>{}]/.test(clean)) return
    if (!/^[\w.-]+(\/[\w.*-]+)*\/?$/.test(clean)) return
    if (!clean.includes('/') && !/\.[A-Za-z0-9]{1,6}$/.test(clean)) return
    if (!out.includes(clean)) out.push(clean)
  }
  for (const m of text.matchAll(/`([^`\s]+)`/g)) add(m[1]!)
  for (const m of text.replace(/`[^`]*`/g, ' ').matchAll(/(?:^|\s|\()((?:\.?[\w-]+\/)+[\w.*-]*)/g)) add(m[1]!)
  return out
}
