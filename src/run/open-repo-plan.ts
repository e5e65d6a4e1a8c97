/** The plan a command names and the git repository it belongs to. Kept small: every entry point loads it. */
import { loadPlan } from '../plan/load.js'
import { displayPath } from '../plan/open.js'
import { resolvePlanPath } from '../plan/locate.js'
import { assertPlanFiles } from '../plan/plan-files.js'
import { AutopilotError } from '../errors.js'
import { Git } from '../git/git.js'
import type { CommandExecutor } from './executor.js'

/** Opens the plan and the repository it belongs to. */
export async function openRepoPlan(planArg: string | undefined, cwd: string, executor: CommandExecutor) {
  const planFile = await resolvePlanPath(planArg, cwd)
  const loaded = await loadPlan(planFile, displayPath(planFile, cwd))
  const git = new Git(executor, cwd)
  const repoRoot = await git.findTopLevel()
  if (repoRoot === undefined) throw new AutopilotError(`${cwd} is not inside a git repository; autopilot runs plans in one`)
  assertPlanFiles(loaded, planFile, repoRoot)
  return { loaded, planFile, repoRoot, userGit: git.at(repoRoot) }
}

