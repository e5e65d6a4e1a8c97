// `autopilot clean [plan]`: remove what a crashed run left; `--logs --keep N` prunes old runs' logs.
import type { Command } from '../cli-io.js'
import { EXIT, UsageError } from '../errors.js'
import { clean } from '../run/audit.js'
import { logsRootOf, pruneLoggedRuns } from '../state/log-files.js'
import { dirname, join, relative } from 'node:path'
import { parseCommandArgs, wholeNumber } from './parse-args.js'
import { openRunState } from './run-state.js'

const usage = `Usage: autopilot clean [plan] [--logs [--keep N]]

Remove the worktrees, private clone and stale lock a crashed run left behind.
The manifest, task results (patches) and logs are kept, so a later run resumes.

Options:
      --logs      instead, delete the logs and reports of the plan's older runs
                  under .ai/logs/autopilot/ (logs of tasks the last run kept stay)
      --keep N    with --logs: how many of the newest runs to keep (default 5)
  -h, --help      show this help`

export const cleanCommand: Command = {
  name: 'clean',
  summary: 'remove worktrees and locks a crashed run left behind; --logs prunes old logs',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs('clean', args, { logs: { type: 'boolean' }, keep: { type: 'string' } }, 1)
    if (parsed.values.keep !== undefined && !parsed.values.logs) throw new UsageError('autopilot clean: --keep goes with --logs (autopilot clean --logs --keep 3)')
    const keep = wholeNumber('--keep', parsed.values.keep, 0) ?? 5
    const state = await openRunState(parsed.positionals[0], io)
    if (parsed.values.logs) {
      const root = logsRootOf(state.repoRoot)
      // Folders the manifest's logs live in: a task kept on resume points into an older run.
      const inUse = new Set(
        Object.values(state.manifest?.tasks ?? {})
          .filter(t => t.log)
          .map(t => dirname(dirname(join(state.repoRoot, t.log!))))
      )
      const removed = await pruneLoggedRuns(root, state.plan.issue, keep, inUse)
      io.out(removed.length ? removed.map(r => `removed ${relative(io.cwd, r)}`).join('\n') : `clean: no logs of issue #${state.plan.issue} beyond the newest ${keep} run(s)`)
      return EXIT.ok
    }
    const removed = await clean(state)
    io.out(removed.length ? removed.map(r => `removed ${r}`).join('\n') : 'clean: nothing to remove')
    return EXIT.ok
  }
}
