// `autopilot status [plan]`: the task table of the plan's last run.
import type { Command } from '../cli-io.js'
import { EXIT } from '../errors.js'
import { finalTable } from '../report/text.js'
import { runOutcome } from '../report/markdown.js'
import { parseCommandArgs } from './parse-args.js'
import { openRunState } from './run-state.js'

const usage = `Usage: autopilot status [plan]

Print the task table of the plan's last (or current) run from its manifest.

Options:
  -h, --help  show this help`

export const statusCommand: Command = {
  name: 'status',
  summary: "print the task table of a plan's last run",
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs('status', args, {}, 1)
    const { plan, manifest } = await openRunState(parsed.positionals[0], io)
    if (!manifest) {
      io.out(`issue #${plan.issue}: no run yet; start one with \`autopilot run\``)
      return EXIT.ok
    }
    io.out(`issue #${plan.issue}: ${runOutcome(manifest)}${manifest.breaker ? ` (${manifest.breaker})` : ''}, base ${manifest.baseCommit.slice(0, 12)}, branch ${manifest.branch}, updated ${manifest.updatedAt}`)
    io.out(finalTable(plan, manifest))
    return EXIT.ok
  }
}
