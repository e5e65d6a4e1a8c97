/**
 * The action: reads the settings, runs the command, and is the one place that
 * turns an error into a failed step (`setFailed`). Importing it does nothing.
 */
import * as core from '@actions/core'
import { AutopilotError } from './errors.js'
import { actionsRunner, type Runner } from './action/runner.js'
import { readSettings } from './action/settings.js'
import type { Settings } from './action/settings.js'

type Job = (settings: Settings, runner: Runner) => Promise<void>

// Loaded on demand: the `plan` job starts faster without the engine, the gates and the artifact client.
const JOBS: Record<Settings['command'], () => Promise<Job>> = {
  plan: async () => (await import('./action/plan-job.js')).planJob,
  task: async () => (await import('./action/task-job.js')).taskJob,
  finalize: async () => (await import('./action/finalize-job.js')).finalizeJob,
  run: async () => (await import('./action/run-job.js')).runJob,
  init: async () => (await import('./action/init-job.js')).initJob,
  authorize: async () => (await import('./action/authorize-job.js')).authorizeJob
}

export async function run(runner: Runner = actionsRunner()): Promise<void> {
  try {
    const settings = readSettings(runner)
    const job = await JOBS[settings.command]()
    await job(settings, runner)
  } catch (e) {
    // A user's mistake is explained without a stack; anything else is a bug and keeps it.
    const err = e as Error
    core.setFailed(e instanceof AutopilotError ? err.message : `internal error: ${err.stack ?? err.message}`)
  }
}
