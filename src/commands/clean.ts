// `autopilot clean [plan]`: remove what a crashed run left; keep its results and logs.
import type { Command } from '../cli-io.js'
import { EXIT } from '../errors.js'
import { clean } from '../run/audit.js'
import { parseCommandArgs } from './parse-args.js'
import { openRunState } from './run-state.js'

const usage = `Usage: autopilot clean [plan]

Remove the worktrees, private clone and stale lock a crashed run left behind.
The manifest, task results (patches) and logs are kept, so a later run resumes.

Options:
  -h, --help  show this help`

export const cleanCommand: Command = {
  name: 'clean',
  summary: 'remove worktrees and locks a crashed run left behind (results and logs are kept)',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs('clean', args, {}, 1)
    const removed = await clean(await openRunState(parsed.positionals[0], io))
    io.out(removed.length ? removed.map(r => `removed ${r}`).join('\n') : 'clean: nothing to remove')
    return EXIT.ok
  }
}
