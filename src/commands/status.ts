// `autopilot status [plan]`: the task table of the plan's last run, and whether it is still running.
import { join } from 'node:path'
import type { Command } from '../cli-io.js'
import { EXIT } from '../errors.js'
import { finalTable } from '../report/text.js'
import { runOutcome } from '../report/markdown.js'
import type { RunManifest, TaskStatus } from '../state/manifest.js'
import { isAlive, readLockOwner } from '../state/lock.js'
import { suggestCommand } from '../invocation.js'
import { parseCommandArgs } from './parse-args.js'
import { openRunState } from './run-state.js'

const usage = `Usage: autopilot status [plan]

Print the task table of the plan's last (or current) run from its manifest.
A run whose process is gone (a crash, kill -9) is reported as interrupted.

Options:
  -h, --help  show this help`

/**
 * The run's state as a person would say it: a manifest without `finishedAt`
 * is running only while the lock's owner lives (issue 17: after kill -9 it
 * still said "running").
 */
export function describeRun(m: RunManifest, owner: { pid: number } | undefined, alive: (pid: number) => boolean): { state: string; live: boolean } {
  const outcome = runOutcome(m)
  if (outcome !== 'running') return { state: `${outcome}${m.breaker ? ` (${m.breaker})` : ''}`, live: false }
  if (owner && alive(owner.pid)) return { state: `running (pid ${owner.pid})`, live: true }
  return { state: `interrupted (its process${owner ? ` ${owner.pid}` : ''} is gone)`, live: false }
}

export const statusCommand: Command = {
  name: 'status',
  summary: "print the task table of a plan's last run",
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs('status', args, {}, 1)
    const planArg = parsed.positionals[0]
    const { plan, manifest, runDir } = await openRunState(planArg, io)
    const again = suggestCommand(io.invocation, `run ${planArg ?? ''}`)
    if (!manifest) {
      io.out(`issue #${plan.issue}: no run yet; start one with \`${again}\``)
      return EXIT.ok
    }
    const run = describeRun(manifest, await readLockOwner(join(runDir, 'lock')), isAlive)
    io.out(`issue #${plan.issue}: ${run.state}, base ${manifest.baseCommit.slice(0, 12)}, branch ${manifest.branch}, updated ${manifest.updatedAt}`)
    // Tasks a dead run left "running" did not finish: say so rather than repeat a state that is over.
    const shown = run.live ? manifest : withInterrupted(manifest)
    io.out(finalTable(plan, shown))
    if (run.state.startsWith('interrupted')) io.out(`\nfinished tasks are kept; resume with \`${again}\``)
    return EXIT.ok
  }
}

function withInterrupted(m: RunManifest): RunManifest {
  const tasks = Object.fromEntries(
    Object.entries(m.tasks).map(([id, t]) => [id, t.status === 'running' ? { ...t, status: 'interrupted' as TaskStatus } : t])
  )
  return { ...m, tasks }
}
