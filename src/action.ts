/**
 * The action: reads the settings, runs the command, and is the one place that
 * turns an error into a failed step (`setFailed`). Importing it does nothing.
 */
import * as core from '@actions/core'
import { AutopilotError } from './errors.js'
import { actionsRunner, type Runner } from './action/runner.js'
import { readSettings } from './action/settings.js'
import { planJob } from './action/plan-job.js'
import { taskJob } from './action/task-job.js'
import { finalizeJob } from './action/finalize-job.js'
import { runJob } from './action/run-job.js'

const JOBS = { plan: planJob, task: taskJob, finalize: finalizeJob, run: runJob }

export async function run(runner: Runner = actionsRunner()): Promise<void> {
  try {
    const settings = readSettings(runner)
    await JOBS[settings.command](settings, runner)
  } catch (e) {
    // A user's mistake is explained without a stack; anything else is a bug and keeps it.
    const err = e as Error
    core.setFailed(e instanceof AutopilotError ? err.message : `internal error: ${err.stack ?? err.message}`)
  }
}
