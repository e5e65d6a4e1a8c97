/**
 * The progress line of an agent call that has printed nothing for a while (issue 14): claude and
 * gemini wait on a busy provider, or simply print nothing until they finish, and the user would
 * otherwise see no sign of life for minutes. The decision is a plain function over times; the
 * step runner owns the timer (`watchProgress`).
 */

/** When progress lines are shown. */
export interface ProgressSettings {
  /** The first line comes after this long without output from the call. */
  quietMs: number
  /** Then one line at most this often while the call stays silent. */
  everyMs: number
}

/** 20 s of silence, then a line a minute. */
export const DEFAULT_PROGRESS: ProgressSettings = { quietMs: 20_000, everyMs: 60_000 }

/**
 * The settings, from `AUTOPILOT_PROGRESS_QUIET_MS` in the caller's environment when it holds a
 * positive number (tests use a second); a line then repeats every three such periods.
 */
export function progressSettings(env: Record<string, string | undefined>): ProgressSettings {
  const quiet = Number(env.AUTOPILOT_PROGRESS_QUIET_MS)
  return Number.isFinite(quiet) && quiet > 0 ? { quietMs: quiet, everyMs: 3 * quiet } : DEFAULT_PROGRESS
}

/** What is known about a running call at `now` (all times in ms since the epoch). */
export interface ProgressState {
  taskId: string
  agent: string
  startedAt: number
  /** The call's last output line, else its start. */
  lastOutputAt: number
  /** When the last progress line was shown, if one was. */
  lastShownAt?: number
  now: number
}

/**
 * The line to show now, or undefined: after `quietMs` without output, then again every `everyMs`
 * while the silence lasts (and afresh after output that falls silent again).
 */
export function progressLine(s: ProgressState, settings: ProgressSettings): string | undefined {
  const silent = s.now - s.lastOutputAt
  if (silent < settings.quietMs) return undefined
  if (s.lastShownAt !== undefined && s.lastShownAt > s.lastOutputAt && s.now - s.lastShownAt < settings.everyMs) return undefined
  return `task ${s.taskId}: ${s.agent} still working (${seconds(s.now - s.startedAt)}, no output for ${seconds(silent)})`
}

function seconds(ms: number): string {
  const s = Math.floor(ms / 1000)
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`
}

/** A running watch: `output()` on every line of the call, `stop()` when it ends. */
export interface ProgressWatch {
  output(): void
  stop(): void
}

/** Checks `progressLine` on a timer and hands each line to `show`, until stopped. */
export function watchProgress(input: {
  taskId: string
  agent: string
  settings: ProgressSettings
  show: (line: string) => void
  now?: () => number
}): ProgressWatch {
  const now = input.now ?? Date.now
  const state: Omit<ProgressState, 'now'> = { taskId: input.taskId, agent: input.agent, startedAt: now(), lastOutputAt: now() }
  // Checked four times per period, so a line is late by at most a quarter of it.
  const tick = Math.max(50, Math.min(input.settings.quietMs, input.settings.everyMs) / 4)
  const timer = setInterval(() => {
    const t = now()
    const line = progressLine({ ...state, now: t }, input.settings)
    if (!line) return
    state.lastShownAt = t
    input.show(line)
  }, tick)
  // The call's own process keeps the run alive; this timer must not.
  timer.unref()
  return {
    output: () => {
      state.lastOutputAt = now()
    },
    stop: () => clearInterval(timer)
  }
}
