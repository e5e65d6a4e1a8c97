// Plan ids from source ids: valid (TASK_ID_PATTERN), unique, and still recognisable.
import { TASK_ID_PATTERN } from '../plan/schema.js'

/** `task-428-db-schema` stays; `1.2` → `task-1-2`; `T012` stays; `179` → `<hint>` or `task-179`. */
export function validId(key: string, hint?: string): string {
  if (TASK_ID_PATTERN.test(key)) return key
  const base = (hint ?? key)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
  const id = /^[A-Za-z_]/.test(base) ? base : `task-${base || 'x'}`
  return id.slice(0, 64).replace(/-+$/, '')
}

/** Makes ids unique in order of appearance by appending `-2`, `-3`... within 64 characters. */
export function uniqueIds(ids: string[]): string[] {
  const seen = new Set<string>()
  return ids.map((id) => {
    let out = id
    for (let n = 2; seen.has(out); n++) out = `${id.slice(0, 64 - String(n).length - 1)}-${n}`
    seen.add(out)
    return out
  })
}

/** A readable id fragment from free text: `Add login page!` → `add-login-page` (at most `max` characters). */
export function slug(text: string, max = 40): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return s.slice(0, max).replace(/-+$/, '')
}
