// History figures from run manifests as plain data: per plan, per agent, and failure kinds with an example.
import { describe, expect, it } from 'vitest'
import { failureKind, summarizeHistory } from '../../src/session/history.js'
import type { RunManifest, TaskRecord } from '../../src/state/manifest.js'

const task = (id: string, over: Partial<TaskRecord> = {}): TaskRecord => ({ id, status: 'succeeded', attempts: 1, steps: [], gates: [], ...over })
const run = (issue: number, minute: number, tasks: TaskRecord[], over: Partial<RunManifest> = {}): RunManifest => ({
  version: 1,
  issue,
  planPath: `.ai/plans/${issue}/Autopilot.yaml`,
  planHash: 'h',
  baseCommit: 'b',
  branch: `autopilot/issue-${issue}`,
  startedAt: `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`,
  updatedAt: 'x',
  finishedAt: `2026-01-01T00:${String(minute).padStart(2, '0')}:10.000Z`,
  tasks: Object.fromEntries(tasks.map((t) => [t.id, t])),
  ...over
})
const agentStep = (agent: string, status: 'succeeded' | 'failed', message?: string) => ({
  index: 0,
  name: agent,
  kind: 'agent' as const,
  agent,
  exitCode: status === 'succeeded' ? 0 : 1,
  status,
  attempts: 2,
  durationMs: 1000,
  message
})

describe('failure kinds', () => {
  it.each([
    ['rate limit', task('a', { status: 'failed', reason: 'step 1 "codex" failed', steps: [agentStep('codex', 'failed', 'codex hit a rate limit or quota; retry later')] })],
    ['credentials', task('a', { status: 'failed', reason: 'claude could not authenticate: check ANTHROPIC_API_KEY' })],
    ['timeout', task('a', { status: 'failed', reason: 'task timed out after 5 min (timeout-minutes)' })],
    ['check failed', task('a', { status: 'failed', failedStep: 'check: npm test', reason: 'check "npm test" exited with 1' })],
    ['step failed', task('a', { status: 'failed', failedStep: 'build', reason: 'step 1 "build" exited with 2 (expected 0)' })],
    ['denied by gate (paths)', task('a', { status: 'denied', gates: [{ gate: 'paths', allowed: false, reason: 'x' }] })],
    ['circuit breaker', task('a', { status: 'cancelled', reason: 'not started: max-consecutive-failures (3) reached' })]
  ])('%s', (kind, t) => {
    expect(failureKind(t)).toBe(kind)
  })

  it('does not count successes, blocked tasks or an interrupt', () => {
    expect(failureKind(task('a'))).toBeUndefined()
    expect(failureKind(task('a', { status: 'blocked', reason: 'needs b, which failed' }))).toBeUndefined()
    expect(failureKind(task('a', { status: 'cancelled', reason: 'not started: interrupted' }))).toBeUndefined()
  })
})

describe('summarizeHistory', () => {
  const usage = { calls: 1, inputTokens: 100, outputTokens: 50, costUsd: 0.5 }
  const runs = [
    run(1, 1, [task('a', { status: 'failed', reason: 'check "t" exited with 1', failedStep: 'check: t', steps: [agentStep('codex', 'succeeded')], usage })]),
    run(1, 2, [task('a', { attempts: 2, steps: [agentStep('codex', 'succeeded')], usage })]),
    run(2, 3, [task('b', { status: 'failed', failedStep: 'check: t', reason: 'check "t" exited with 1\nmore', steps: [agentStep('claude', 'failed')] })])
  ]

  it('gives per plan runs, success rate, attempts, time, tokens and cost', () => {
    const h = summarizeHistory(runs, 50)
    expect(h.runs).toBe(3)
    expect(h.plans).toEqual([
      { key: '#1', runs: 2, succeeded: 1, successRate: 0.5, attempts: 3, durationMs: 20_000, tokens: 300, costUsd: 1 },
      { key: '#2', runs: 1, succeeded: 0, successRate: 0, attempts: 1, durationMs: 10_000, tokens: 0, costUsd: 0 }
    ])
    expect(h.agents.map((a) => [a.key, a.runs, a.successRate, a.tokens])).toEqual([
      ['codex', 2, 1, 300],
      ['claude', 1, 0, 0]
    ])
  })

  it('ranks failure kinds by count, each with its first example', () => {
    expect(summarizeHistory(runs, 50).failures).toEqual([
      { kind: 'check failed', count: 2, example: { issue: 1, task: 'a', startedAt: runs[0].startedAt, reason: 'check "t" exited with 1' } }
    ])
  })

  it('keeps only the last N runs', () => {
    expect(summarizeHistory(runs, 1).plans.map((p) => p.key)).toEqual(['#2'])
  })
})
