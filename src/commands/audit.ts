// `autopilot audit [plan]`: is anything left behind or inconsistent?
import type { Command } from '../cli-io.js'
import { EXIT } from '../errors.js'
import { audit } from '../run/audit.js'
import { parseCommandArgs } from './parse-args.js'
import { openRunState } from './run-state.js'

const usage = `Usage: autopilot audit [plan]

Check what runs of the plan left: stray worktrees, leftover temporary branches,
a stale lock, finished tasks without a log, a manifest that does not match the
branch. Exit 0 when clean, 1 listing every problem.

Options:
  -h, --help  show this help`

export const auditCommand: Command = {
  name: 'audit',
  summary: 'check for stray worktrees, missing logs and a manifest that does not match the branch',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs('audit', args, {}, 1)
    const problems = await audit(await openRunState(parsed.positionals[0], io))
    if (problems.length === 0) {
      io.out('audit: clean')
      return EXIT.ok
    }
    for (const p of problems) io.out(`audit: ${p}`)
    return EXIT.taskFailed
  }
}
