// `autopilot history [--json] [--last N]`: success rates, attempts, time, tokens and cost of past runs, and how they failed.
import type { Command } from '../cli-io.js'
import { EXIT, UsageError } from '../errors.js'
import { findRepoRoot } from '../plan/locate.js'
import { readRunManifests, readSessions, renderHistory, summarizeHistory } from '../session/history.js'
import { parseCommandArgs } from './parse-args.js'

const usage = `Usage: autopilot history [--json] [--last N]

Sum the last N runs of this repository (each run keeps its manifest beside its
logs, .ai/logs/autopilot/<issue>-<time>/manifest.json; sessions run plans the
same way): per plan and per agent the runs, success rate, attempts, time,
tokens and cost, and the most frequent failure kinds (rate limit, credentials,
timeout, denied by gate, check failed, ...) with an example of each.

Options:
      --json    print the figures as JSON
      --last N  only the last N runs (default 50)
  -h, --help    show this help`

export const historyCommand: Command = {
  name: 'history',
  summary: 'success rates, cost and frequent failures of past runs',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs('history', args, { json: { type: 'boolean' }, last: { type: 'string' } }, 0)
    const lastFlag = parsed.values.last as string | undefined
    if (lastFlag !== undefined && (!/^\d+$/.test(lastFlag) || Number(lastFlag) < 1)) {
      throw new UsageError(`--last must be a whole number of at least 1, got "${lastFlag}"`)
    }
    const root = findRepoRoot(io.cwd)
    const h = summarizeHistory(await readRunManifests(root), lastFlag === undefined ? 50 : Number(lastFlag), await readSessions(root))
    io.out(parsed.values.json ? JSON.stringify(h, null, 2) : renderHistory(h))
    return EXIT.ok
  }
}
