// What commands call to get the plan a `[plan]` argument names, loaded and validated.
import path from 'node:path'
import { loadPlan, type LoadedPlan } from './load.js'
import { resolvePlanPath } from './locate.js'

/**
 * Resolve `arg` (path, issue number or nothing, see resolvePlanPath) from `cwd`
 * and load it; problems name the file relative to `cwd` when it is below it.
 */
export async function openPlan(arg: string | undefined, cwd: string): Promise<LoadedPlan> {
  const file = await resolvePlanPath(arg, cwd)
  return loadPlan(file, displayPath(file, cwd))
}

/** `file` relative to `cwd` when it is inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file)
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel
}
