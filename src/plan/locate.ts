// Finding the plan a command means: a path, an issue number, or the only plan in the repository.
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { AutopilotError } from '../errors.js'

/** Where plans live, relative to the repository root. */
export const PLANS_DIR = '.ai/plans'
/** The plan file name inside `PLANS_DIR/<issue>/`. */
export const PLAN_FILE = 'Autopilot.yaml'

/**
 * The repository root: the nearest directory at or above `cwd` holding `.git`
 * (a directory, or a file in a worktree). Pure filesystem, no git process.
 * Throws AutopilotError outside a repository.
 */
export function findRepoRoot(cwd: string): string {
  let dir = path.resolve(cwd)
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new AutopilotError(`not inside a git repository (no .git at or above ${cwd})`)
    dir = parent
  }
}

/**
 * The absolute path of the plan `arg` names: an issue number (`653` or `#653`)
 * means `<repo>/.ai/plans/653/Autopilot.yaml`; a directory means its
 * Autopilot.yaml; anything else is a file path relative to `cwd`. Without
 * `arg`, the only plan under `.ai/plans/`, or an error listing the candidates.
 */
export async function resolvePlanPath(arg: string | undefined, cwd: string): Promise<string> {
  if (arg === undefined || arg === '') return onlyPlan(cwd)
  const issue = /^#?(\d+)$/.exec(arg)
  if (issue) {
    const root = findRepoRoot(cwd)
    const file = path.join(root, PLANS_DIR, String(Number(issue[1])), PLAN_FILE)
    if (!existsSync(file)) {
      throw new AutopilotError(`no plan for issue ${issue[1]}: ${path.relative(cwd, file) || file} does not exist`)
    }
    return file
  }
  const file = path.resolve(cwd, arg)
  const info = await stat(file).catch(() => undefined)
  if (!info) throw new AutopilotError(`plan not found: ${arg}`)
  return info.isDirectory() ? path.join(file, PLAN_FILE) : file
}

async function onlyPlan(cwd: string): Promise<string> {
  const root = findRepoRoot(cwd)
  const dir = path.join(root, PLANS_DIR)
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const candidates = entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, PLAN_FILE)))
    .map((e) => path.join(dir, e.name, PLAN_FILE))
    .sort()
  if (candidates.length === 1) return candidates[0]
  const shown = (f: string) => path.relative(cwd, f) || f
  if (candidates.length === 0) {
    throw new AutopilotError(
      `no plan found: expected ${shown(path.join(dir, '<issue>', PLAN_FILE))}; pass a plan path or an issue number`
    )
  }
  throw new AutopilotError(
    `${candidates.length} plans found; pass an issue number or a path:\n${candidates.map((c) => `  ${shown(c)}`).join('\n')}`
  )
}
