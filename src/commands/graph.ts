// `autopilot graph [plan] --format mermaid|json|matrix`: the plan's DAG for people, scripts and workflows.
import type { Command } from '../cli-io.js'
import { EXIT, UsageError } from '../errors.js'
import { buildGraph } from '../graph/graph.js'
import { renderGraphJson, renderMatrix, renderMermaid } from '../graph/render.js'
import { openPlan } from '../plan/open.js'
import { parseCommandArgs } from './parse-args.js'

const FORMATS = ['mermaid', 'json', 'matrix'] as const

const usage = `Usage: autopilot graph [plan] [--format mermaid|json|matrix] [--levels <n>]

Print the plan's task graph (the plan is validated first; a bad plan exits 2).

[plan]  a path, an issue number, or nothing for the only plan under .ai/plans/.

Formats:
  mermaid  a mermaid flowchart, arrows from a task to the tasks that need it (default)
  json     {"levels":[["a"],["b","c"]],"criticalPath":["a","b"]} on one line
  matrix   one line per level, level 0 first, each a GitHub Actions matrix:
           {"include":[{"task":"b"},{"task":"c"}]}
           An empty level prints {"include":[]}; GitHub rejects an empty matrix,
           so guard the level's job with
           if: fromJSON(needs.plan.outputs.level-N).include[0] != null

Options:
  -f, --format <format>  mermaid, json or matrix
  --levels <n>           matrix: print at least <n> lines, padding with empty levels
                         (for a workflow with a fixed number of level jobs)
  -h, --help             show this help`

export const graphCommand: Command = {
  name: 'graph',
  summary: 'print the task graph as mermaid, JSON or GitHub matrices',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(
      'graph',
      args,
      { format: { type: 'string', short: 'f', default: 'mermaid' }, levels: { type: 'string' } },
      1
    )
    const format = String(parsed.values.format)
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown --format "${format}"; expected one of: ${FORMATS.join(', ')}`)
    }
    const minLevels = parsed.values.levels === undefined ? 0 : Number(parsed.values.levels)
    if (!Number.isInteger(minLevels) || minLevels < 0) {
      throw new UsageError(`--levels must be a whole number, got "${String(parsed.values.levels)}"`)
    }
    const { plan } = await openPlan(parsed.positionals[0], io.cwd)
    const g = buildGraph(plan.tasks)
    if (format === 'json') io.out(renderGraphJson(g))
    else if (format === 'matrix') io.out(renderMatrix(g, minLevels).join('\n'))
    else io.out(renderMermaid(g).trimEnd())
    return EXIT.ok
  }
}
