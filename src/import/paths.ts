// Source file scopes → plan `paths` globs: folders become `folder/**`, unusable entries are reported.
import { globProblem } from '../plan/globs.js'

/** File names that have no extension yet are files, not folders. */
const EXTENSIONLESS_FILES = /^(Makefile|Dockerfile|Containerfile|LICENSE|LICENCE|Procfile|Gemfile|Rakefile|Justfile|Vagrantfile|Brewfile|CODEOWNERS|README|NOTICE|AUTHORS|VERSION)$/

/**
 * One scope entry as a glob: backticks and `./` dropped, a trailing `/` or an
 * extensionless last segment read as a folder (`src/core/` → `src/core/**`).
 * Returns the glob, or a problem saying why it cannot be used.
 */
export function scopeToGlob(entry: string): { glob: string } | { problem: string } {
  let p = entry.trim().replace(/^`+|`+$/g, '').trim().replace(/\\/g, '/')
  while (p.startsWith('./')) p = p.slice(2)
  if (p === '' || p === '.') return { problem: 'empty path' }
  if (/\s/.test(p)) return { problem: 'contains spaces (not a path)' }
  const last = p.replace(/\/+$/, '').split('/').pop() ?? ''
  const isGlob = /[*?[\]{}]/.test(p)
  let glob = p
  if (p.endsWith('/')) glob = `${p.replace(/\/+$/, '')}/**`
  else if (!isGlob && !last.includes('.') && !EXTENSIONLESS_FILES.test(last)) glob = `${p}/**`
  const problem = globProblem(glob)
  return problem ? { problem } : { glob }
}

/** Every entry as a glob (deduplicated), plus one warning per entry that could not be used. */
export function scopesToGlobs(entries: readonly string[], where: string): { globs: string[]; warnings: string[] } {
  const globs: string[] = []
  const warnings: string[] = []
  for (const e of entries) {
    const r = scopeToGlob(e)
    if ('glob' in r) {
      if (!globs.includes(r.glob)) globs.push(r.glob)
    } else warnings.push(`${where}: file scope "${e}" not carried over: ${r.problem}`)
  }
  return { globs, warnings }
}
