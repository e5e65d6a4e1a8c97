// `autopilot run [plan]`: the whole plan on this machine, resumable.
import type { Command } from '../cli-io.js'
import { EXIT, UsageError } from '../errors.js'
import { openPlan } from '../plan/open.js'
import { runLocal } from '../run/local-run.js'
import { renderDryRun } from '../run/dry-run.js'
import { parseCommandArgs, wholeNumber } from './parse-args.js'

const usage = `Usage: autopilot run [plan] [--jobs N] [--fresh] [--dry-run] [--sandbox on|off] [--rebase[=<rev>]] [--onto-branch | --force]

Run every task of a plan on this machine, each in its own git worktree, behind
the safety gates, and assemble the branch (one commit per task). Running the
same plan again resumes: finished tasks are kept, failed and pending ones run.

[plan]  a path, an issue number, or nothing for the only plan under .ai/plans/

Options:
  -j, --jobs N   tasks at once (default: limits.max-parallel, else the CPU count)
      --fresh    forget the previous run of this plan and start over
      --rebase[=<rev>]  move the run onto HEAD (or <rev>) after the base moved
                 (a fix committed for a failing task): finished tasks whose
                 changes still apply are kept (their checks run again), the
                 rest and their dependents run again
      --dry-run  print each task's steps and exact command lines; run nothing
      --sandbox off  run steps without the sandbox (they can then reach this
                 process's environment and files outside their worktree)
      --onto-branch  the branch holds commits autopilot did not make (a
                 reviewer's fix-up): keep them and add the task commits on top
      --force    replace the branch even though it holds commits autopilot did
                 not make (they are dropped from the branch)
  -h, --help     show this help

Exit codes: 0 all tasks succeeded and the branch is ready; 1 a task failed, was
denied or blocked; 2 invalid plan or usage; 3 stopped by a circuit breaker, a
lock or an interrupt, or steps refused because the sandbox cannot be had here
(\`autopilot doctor\` says why).`

export const runCommand: Command = {
  name: 'run',
  summary: 'run a whole plan on this machine and assemble the branch',
  usage,
  async run(args, io) {
    // `--rebase` alone means onto HEAD; `--rebase=<rev>` names the revision.
    const argv = args.map(a => (a === '--rebase' ? '--rebase=HEAD' : a))
    const parsed = parseCommandArgs(
      'run',
      argv,
      {
        sandbox: { type: 'string' },
        rebase: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        fresh: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'onto-branch': { type: 'boolean' },
        force: { type: 'boolean' }
      },
      1
    )
    const planArg = parsed.positionals[0]
    if (parsed.values['dry-run']) {
      io.out(renderDryRun((await openPlan(planArg, io.cwd)).plan))
      return EXIT.ok
    }
    const jobs = wholeNumber('--jobs', parsed.values.jobs, 1)
    const sandboxFlag = parsed.values.sandbox as string | undefined
    if (sandboxFlag !== undefined && sandboxFlag !== 'on' && sandboxFlag !== 'off') {
      throw new UsageError(`--sandbox must be on or off, got "${sandboxFlag}"`)
    }
    if (parsed.values.rebase !== undefined && parsed.values.fresh) {
      throw new UsageError('--rebase keeps finished tasks and --fresh forgets them: pick one')
    }
    const branchChoice = { ontoBranch: parsed.values['onto-branch'] === true, force: parsed.values.force === true }
    if (branchChoice.ontoBranch && branchChoice.force) {
      throw new UsageError('--onto-branch and --force contradict each other: keep the commits on the branch, or replace them; pick one')
    }
    const interrupt = new AbortController()
    const onSignal = () => interrupt.abort()
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    try {
      const result = await runLocal({
        planArg,
        cwd: io.cwd,
        env: io.env,
        jobs,
        fresh: parsed.values.fresh === true,
        rebase: parsed.values.rebase as string | undefined,
        out: io.out,
        isTTY: io.isTTY,
        invocation: io.invocation,
        signal: interrupt.signal,
        sandboxOffBy: sandboxFlag === 'off' ? '--sandbox off' : undefined,
        branchChoice,
        backoffMs: io.env.AUTOPILOT_RETRY_BACKOFF_MS !== undefined ? Number(io.env.AUTOPILOT_RETRY_BACKOFF_MS) : undefined
      })
      return result.exitCode
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
