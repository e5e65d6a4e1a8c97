// The progress line of a silent agent call (src/run/progress.ts): when it is due, what it says, and
// the timer that shows it until the call ends.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_PROGRESS, progressLine, progressSettings, watchProgress } from '../../src/run/progress.js'

const S = { quietMs: 20_000, everyMs: 60_000 }
const base = { taskId: 'hello', agent: 'claude', startedAt: 0 }

describe('progressLine', () => {
  it.each([
    ['output 19 s ago: nothing yet', { lastOutputAt: 26_000, now: 45_000 }, undefined],
    ['20 s of silence: the first line', { lastOutputAt: 25_000, now: 45_000 }, 'task hello: claude still working (45 s, no output for 20 s)'],
    ['silent since the start', { lastOutputAt: 0, now: 20_500 }, 'task hello: claude still working (20 s, no output for 20 s)'],
    ['a line 59 s ago, still silent: not yet', { lastOutputAt: 0, lastShownAt: 20_000, now: 79_000 }, undefined],
    ['a line 60 s ago, still silent: again', { lastOutputAt: 0, lastShownAt: 20_000, now: 80_000 }, 'task hello: claude still working (80 s, no output for 80 s)'],
    ['output after the last line, then 20 s of silence: afresh', { lastOutputAt: 30_000, lastShownAt: 20_000, now: 50_000 }, 'task hello: claude still working (50 s, no output for 20 s)'],
    ['minutes past two', { lastOutputAt: 0, now: 185_000 }, 'task hello: claude still working (3 min 5 s, no output for 3 min 5 s)']
  ])('%s', (_name, times, expected) => {
    expect(progressLine({ ...base, ...times }, S)).toBe(expected)
  })
})

describe('progressSettings', () => {
  it('defaults to 20 s then every minute; AUTOPILOT_PROGRESS_QUIET_MS sets both', () => {
    expect(progressSettings({})).toEqual(DEFAULT_PROGRESS)
    expect(DEFAULT_PROGRESS).toEqual({ quietMs: 20_000, everyMs: 60_000 })
    expect(progressSettings({ AUTOPILOT_PROGRESS_QUIET_MS: '1000' })).toEqual({ quietMs: 1000, everyMs: 3000 })
    expect(progressSettings({ AUTOPILOT_PROGRESS_QUIET_MS: 'soon' })).toEqual(DEFAULT_PROGRESS)
    expect(progressSettings({ AUTOPILOT_PROGRESS_QUIET_MS: '0' })).toEqual(DEFAULT_PROGRESS)
  })
})

describe('watchProgress', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows a line after the silence, repeats at the bounded interval, restarts after output, and stops', () => {
    vi.useFakeTimers({ now: 0 })
    const lines: string[] = []
    const w = watchProgress({ ...base, settings: S, show: l => lines.push(l) })
    vi.advanceTimersByTime(19_000)
    expect(lines).toEqual([])
    vi.advanceTimersByTime(1_000)
    expect(lines).toEqual(['task hello: claude still working (20 s, no output for 20 s)'])
    vi.advanceTimersByTime(59_000)
    expect(lines).toHaveLength(1)
    vi.advanceTimersByTime(1_000)
    expect(lines[1]).toBe('task hello: claude still working (80 s, no output for 80 s)')
    w.output()
    vi.advanceTimersByTime(20_000)
    expect(lines[2]).toBe('task hello: claude still working (100 s, no output for 20 s)')
    w.stop()
    vi.advanceTimersByTime(600_000)
    expect(lines).toHaveLength(3)
  })
})
