// `autopilot session [--ready] [limits] [issue...]`: every ready plan, each as `autopilot run` runs it, within session limits.
import type { Command } from '../cli-io.js'
import { UsageError } from '../errors.js'
import { runSession } from '../session/session.js'
import { DEFAULT_LIMITS } from '../session/types.js'
import { parseCommandArgs } from './parse-args.js'

const usage = `Usage: autopilot session [--ready] [--max-plans N] [--max-tasks N] [--max-hours H]
                         [--max-failed-plans N] [--parallel N] [issue...]

Run every plan under .ai/plans/ marked \`ready: true\` (--ready, the default when
no issue is listed) and the listed issues' plans, each exactly as \`autopilot run\`
runs it (its own lock, work dir and branch), at most --parallel at once. When a
session limit trips, no new plan starts; running plans finish. Writes one
session report, .ai/logs/autopilot/session-<id>.md and .json. A session that
was killed is resumed by the next \`autopilot session\`. See docs/overnight.md.

Options:
      --ready               run every plan marked ready: true
      --max-plans N         start at most N plans (default: no limit)
      --max-tasks N         start no plan once N tasks have run (default ${DEFAULT_LIMITS.maxTasks})
      --max-hours H         start no plan after H hours (default ${DEFAULT_LIMITS.maxHours})
      --max-failed-plans N  start no plan after N failed plans in a row (default ${DEFAULT_LIMITS.maxFailedPlans})
      --parallel N          plans at once (default ${DEFAULT_LIMITS.parallel})
  -h, --help                show this help

Exit codes: 0 every plan that ran succeeded; 1 a plan failed; 2 usage; 3 a
session limit stopped it, an interrupt, or another session is running.`

export const sessionCommand: Command = {
  name: 'session',
  summary: 'run every ready plan within session limits and write one session report',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(
      'session',
      args,
      {
        ready: { type: 'boolean' },
        'max-plans': { type: 'string' },
        'max-tasks': { type: 'string' },
        'max-hours': { type: 'string' },
        'max-failed-plans': { type: 'string' },
        parallel: { type: 'string' }
      },
      Infinity
    )
    const issues = parsed.positionals.map(p => {
      const m = /^#?(\d+)$/.exec(p)
      if (!m) throw new UsageError(`autopilot session: "${p}" is not an issue number`)
      return Number(m[1])
    })
    const whole = (flag: string, min: number) => {
      const v = parsed.values[flag] as string | undefined
      if (v === undefined) return undefined
      if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`--${flag} must be a whole number of at least ${min}, got "${v}"`)
      return Number(v)
    }
    const hoursFlag = parsed.values['max-hours'] as string | undefined
    const maxHours = hoursFlag === undefined ? undefined : Number(hoursFlag)
    if (maxHours !== undefined && (!/^\d+(\.\d+)?$/.test(hoursFlag!) || maxHours <= 0)) {
      throw new UsageError(`--max-hours must be a positive number of hours, got "${hoursFlag}"`)
    }
    const interrupt = new AbortController()
    const onSignal = () => interrupt.abort()
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    try {
      const r = await runSession({
        cwd: io.cwd,
        env: io.env,
        out: io.out,
        ready: parsed.values.ready === true,
        issues,
        limits: {
          maxPlans: whole('max-plans', 1),
          maxTasks: whole('max-tasks', 1),
          maxHours,
          maxFailedPlans: whole('max-failed-plans', 1),
          parallel: whole('parallel', 1)
        },
        signal: interrupt.signal,
        backoffMs: io.env.AUTOPILOT_RETRY_BACKOFF_MS !== undefined ? Number(io.env.AUTOPILOT_RETRY_BACKOFF_MS) : undefined
      })
      return r.exitCode
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
