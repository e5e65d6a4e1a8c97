// `autopilot logs [plan] [task] [--step N] [--follow]`: the latest run's log of a plan, task or step.
import { open, readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { CliIo, Command } from '../cli-io.js'
import { AutopilotError, EXIT, UsageError } from '../errors.js'
import { suggestion } from '../plan/suggest.js'
import { exists } from '../state/files.js'
import { liveOwner } from '../state/lock.js'
import { listLoggedRuns, logsRootOf } from '../state/log-files.js'
import { suggestCommand } from '../invocation.js'
import { parseCommandArgs, wholeNumber } from './parse-args.js'
import { openRunState } from './run-state.js'

const usage = `Usage: autopilot logs [plan] [task] [--step N] [--follow]

Print a log of the plan's latest run: without a task, its status log (a line
per state change); with a task, the task's log; with --step N, the log of its
Nth step (checks count on after the steps). A task kept from an earlier run
shows that run's log.

[plan]  a path, an issue number, or nothing for the only plan under .ai/plans/

Options:
  -s, --step N   the Nth step's log (1 is the first step)
  -f, --follow   keep printing what is appended until the run ends
  -h, --help     show this help`

export const logsCommand: Command = {
  name: 'logs',
  summary: "print the latest run's log of a plan, task or step (--follow while it runs)",
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs('logs', args, { step: { type: 'string', short: 's' }, follow: { type: 'boolean', short: 'f' } }, 2)
    const [planArg, taskId] = splitPositionals(parsed.positionals, io.cwd)
    const step = wholeNumber('--step', parsed.values.step, 1)
    if (step !== undefined && taskId === undefined) throw new UsageError('autopilot logs: --step needs a task (autopilot logs <task> --step N)')
    const state = await openRunState(planArg, io)
    const file = await findLog(state, taskId, step, io)
    const running = async () => (await liveOwner(join(state.runDir, 'lock'))) !== undefined
    if (parsed.values.follow) await follow(file, running, io)
    else await print(file, 0, io)
    return EXIT.ok
  }
}

/** One positional is a plan when it looks like one (an issue number, a path to a file), else a task. */
function splitPositionals(p: string[], cwd: string): [string | undefined, string | undefined] {
  if (p.length !== 1) return [p[0], p[1]]
  const looksLikePlan = /^#?\d+$/.test(p[0]) || p[0].includes('/') || /\.ya?ml$/.test(p[0]) || p[0] === '.' || p[0] === cwd
  return looksLikePlan ? [p[0], undefined] : [undefined, p[0]]
}

async function findLog(state: Awaited<ReturnType<typeof openRunState>>, taskId: string | undefined, step: number | undefined, io: CliIo): Promise<string> {
  const { plan, manifest, repoRoot } = state
  const runs = await listLoggedRuns(logsRootOf(repoRoot), plan.issue)
  const latest = runs.at(-1)
  const start = suggestCommand(io.invocation, `run ${plan.issue}`)
  if (!latest) throw new AutopilotError(`issue #${plan.issue} has no logs yet; start a run with \`${start}\``)
  if (taskId === undefined) {
    const status = latest.entries.find(e => basename(e).startsWith('status-'))
    if (!status) throw new AutopilotError(`the latest run of issue #${plan.issue} (${latest.ts}) has no status log`)
    return status
  }
  const task = plan.tasks.find(t => t.id === taskId)
  if (!task) {
    const ids = plan.tasks.map(t => t.id)
    throw new UsageError(`no task "${taskId}" in issue #${plan.issue}${suggestion(taskId, ids)}; tasks: ${ids.join(', ')}`)
  }
  // This run's folder when the task ran in it; else the log the manifest keeps (a task kept on resume).
  const here = join(latest.dir, task.id, 'task.log')
  const kept = manifest?.tasks[task.id]?.log
  const taskLog = (await exists(here)) ? here : kept ? join(repoRoot, kept) : undefined
  if (!taskLog) throw new AutopilotError(`task ${task.id} has no log yet in the latest run (${latest.ts}); it has not started`)
  if (step === undefined) return taskLog
  const total = task.steps.length + task.checks.length
  if (step > total) throw new UsageError(`task ${task.id} has ${total} step(s) and check(s); --step goes from 1 to ${total}`)
  const dir = dirname(taskLog)
  const names = await readdir(dir).catch(() => [] as string[])
  const want = step <= task.steps.length ? (n: string) => n.startsWith(`${String(step).padStart(2, '0')}-`) : (n: string) => n === `check-${step - task.steps.length}.log`
  const found = names.find(want)
  if (!found) throw new AutopilotError(`step ${step} of task ${task.id} has no log in ${dir}; it has not run (the task stopped earlier)`)
  return join(dir, found)
}

/**
 * Writes `file` from byte `from` and returns where it stopped: with
 * `wholeLines`, before a last unfinished line (it comes with the next read).
 */
async function print(file: string, from: number, io: CliIo, wholeLines = false): Promise<number> {
  const handle = await open(file, 'r').catch(() => undefined)
  if (!handle) return from
  try {
    const { size } = await handle.stat()
    if (size <= from) return from
    const buf = Buffer.alloc(size - from)
    await handle.read(buf, 0, buf.length, from)
    const end = wholeLines ? buf.lastIndexOf(0x0a) + 1 : buf.length
    if (end === 0) return from
    io.out(buf.subarray(0, end).toString('utf8').replace(/\n$/, ''))
    return from + end
  } finally {
    await handle.close()
  }
}

/** Prints the file as it grows while the run lives; then what was left, and stops. */
async function follow(file: string, running: () => Promise<boolean>, io: CliIo): Promise<void> {
  let at = 0
  for (;;) {
    const live = await running()
    at = await print(file, at, io, live)
    if (!live) return
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}
