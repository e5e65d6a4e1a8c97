// `autopilot validate [plan]`: check a plan, list every problem, or summarise it.
import { dirname } from 'node:path'
import type { Command } from '../cli-io.js'
import { EXIT, formatProblem, PlanError } from '../errors.js'
import { buildGraph, criticalPathInfo, levels } from '../graph/graph.js'
import { openPlan } from '../plan/open.js'
import { findRepoRoot, resolvePlanPath } from '../plan/locate.js'
import { assertPlanFiles } from '../plan/plan-files.js'
import { parseCommandArgs } from './parse-args.js'

const usage = `Usage: autopilot validate [plan]

Check a plan: YAML syntax, the schema, task ids, needs, cycles and steps.
Every problem is printed on stderr as <file>:<line>:<col>: <path>: <message>.
On success, print a summary: tasks, levels, critical path and warnings
(same-level tasks whose paths may overlap).

[plan]  a path to an Autopilot.yaml (or its directory), an issue number
        (.ai/plans/<n>/Autopilot.yaml in this repository), or nothing for
        the only plan under .ai/plans/.

Options:
  -h, --help  show this help

Exit codes: 0 valid (warnings allowed), 2 invalid plan or usage.`

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a plan and report every problem with its line and column',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs('validate', args, {}, 1)
    let loaded
    try {
      loaded = await openPlan(parsed.positionals[0], io.cwd)
      const file = await resolvePlanPath(parsed.positionals[0], io.cwd)
      const repoRoot = insideRepo(file)
      if (repoRoot) assertPlanFiles(loaded, file, repoRoot)
    } catch (e) {
      if (!(e instanceof PlanError)) throw e
      io.err(e.message)
      const n = e.problems.length
      io.err(`${e.problems[0]?.file ?? 'plan'}: invalid, ${n} problem${n === 1 ? '' : 's'}`)
      return EXIT.usage
    }
    const { plan, warnings } = loaded
    for (const w of warnings) io.err(formatProblem({ ...w, message: `warning: ${w.message}` }))
    const g = buildGraph(plan.tasks)
    const depth = levels(g).length
    const critical = criticalPathInfo(g)
    const length = critical.unit === 'minutes' ? ` (${critical.length} min)` : ''
    io.out(
      [
        `${loaded.file}: valid`,
        `  issue #${plan.issue}: ${plan.title}`,
        `  ${plural(plan.tasks.length, 'task')} in ${plural(depth, 'level')}`,
        `  critical path: ${critical.path.join(' -> ')}${length}`,
        `  ${plural(warnings.length, 'warning')}`
      ].join('\n')
    )
    return EXIT.ok
  }
}

/** The repository holding `file`, when there is one (a plan outside a repository has no plan folder to check). */
function insideRepo(file: string): string | undefined {
  try {
    return findRepoRoot(dirname(file))
  } catch {
    return undefined
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
