// Session limits as a pure decision: which limit, if any, forbids starting another plan.
import { describe, expect, it } from 'vitest'
import { consecutiveFailures, sessionStop } from '../../src/session/limits.js'
import { DEFAULT_LIMITS, type SessionPlan } from '../../src/session/types.js'

const done = (outcome: SessionPlan['outcome'], minute: number, tasksRun = 1): SessionPlan => ({
  issue: minute,
  plan: `p${minute}`,
  outcome,
  tasksRun,
  startedAt: `2026-01-01T00:${String(minute).padStart(2, '0')}:00Z`,
  finishedAt: `2026-01-01T00:${String(minute).padStart(2, '0')}:30Z`
})
const start = new Date('2026-01-01T00:00:00Z')
const at = (h: number) => new Date(start.getTime() + h * 3_600_000)

describe('session limits', () => {
  it.each([
    ['nothing ran yet', [], 0, undefined],
    ['one failure of two allowed', [done('failed', 1)], 0, undefined],
    ['two failures in a row', [done('failed', 1), done('error', 2)], 0, '--max-failed-plans (2) reached: 2 failed plan(s) in a row'],
    ['a success between failures resets the count', [done('failed', 1), done('succeeded', 2), done('stopped', 3)], 0, undefined],
    ['five tasks ran', [done('succeeded', 1, 3), done('succeeded', 2, 2)], 0, '--max-tasks (5) reached: 5 tasks ran'],
    ['four hours passed', [], 4, '--max-hours (4) reached']
  ] as const)('%s', (_name, plans, hours, stop) => {
    expect(sessionStop({ limits: DEFAULT_LIMITS, plans: [...plans], startedAt: start, now: at(hours) })).toBe(stop)
  })

  it('counts started plans for --max-plans', () => {
    const limits = { ...DEFAULT_LIMITS, maxPlans: 1 }
    expect(sessionStop({ limits, plans: [{ ...done('running', 1), finishedAt: undefined }], startedAt: start, now: start })).toBe('--max-plans (1) reached')
  })

  it('orders failures by when they finished, not by plan order', () => {
    expect(consecutiveFailures([done('failed', 5), done('succeeded', 9), done('failed', 7)])).toBe(0)
    expect(consecutiveFailures([done('succeeded', 1), done('failed', 9), done('failed', 7)])).toBe(2)
  })
})
