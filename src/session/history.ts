/**
 * `autopilot history` as plain functions: read every run's manifest (the copy
 * each run keeps beside its logs, and the latest one under .ai/runs/) and sum
 * them per plan and per agent, with the most frequent failure kinds and an
 * example of each, so the next plan can avoid them.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { readJson } from '../state/files.js'
import type { RunManifest, TaskRecord, Usage } from '../state/manifest.js'
import { addUsage, ZERO_USAGE } from '../agents/budget.js'
import { runOutcome } from '../report/markdown.js'
import { SessionStore } from './state.js'
import type { SessionRecord } from './types.js'

/** Every recorded session of the repository, oldest first. */
export function readSessions(repoRoot: string): Promise<SessionRecord[]> {
  return new SessionStore(repoRoot).all()
}

export interface HistoryRow {
  key: string
  runs: number
  succeeded: number
  /** succeeded / runs, 0..1. */
  successRate: number
  attempts: number
  durationMs: number
  tokens: number
  costUsd: number
}

export interface FailureKind {
  kind: string
  count: number
  example: { issue: number; task: string; startedAt: string; reason: string }
}

/** Sessions, summed: how many, how many a limit stopped, and their plans by outcome. */
export interface SessionsSummary {
  count: number
  stoppedByLimit: number
  plans: Record<string, number>
  /** The latest session's limit stop, if any. */
  lastStop?: string
}

export interface History {
  runs: number
  sessions: SessionsSummary
  plans: HistoryRow[]
  agents: HistoryRow[]
  failures: FailureKind[]
}

/** Every run manifest of the repository, oldest first, one per run (the archived copy and the latest agree). */
export async function readRunManifests(repoRoot: string): Promise<RunManifest[]> {
  const found = new Map<string, RunManifest>()
  const add = (m: RunManifest | undefined) => {
    if (m && typeof m.issue === 'number' && m.tasks) found.set(`${m.issue}@${m.startedAt}`, m)
  }
  const logs = path.join(repoRoot, '.ai', 'logs', 'autopilot')
  for (const d of await readdir(logs).catch(() => [] as string[])) add(await readJson<RunManifest>(path.join(logs, d, 'manifest.json')).catch(() => undefined))
  const runs = path.join(repoRoot, '.ai', 'runs')
  for (const d of await readdir(runs).catch(() => [] as string[])) add(await readJson<RunManifest>(path.join(runs, d, 'manifest.json')).catch(() => undefined))
  return [...found.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt))
}

/** The kind of a task's failure, for the failure table; undefined for a task that did not fail. */
export function failureKind(t: TaskRecord): string | undefined {
  const text = `${t.reason ?? ''}\n${t.steps.map(s => s.message ?? '').join('\n')}`
  if (t.status === 'denied') {
    const gate = t.gates.find(g => !g.allowed)?.gate
    return `denied by gate${gate ? ` (${gate})` : ''}`
  }
  if (t.status === 'cancelled') return /^(?:stopped|not started): /.test(t.reason ?? '') && !/interrupted/.test(t.reason ?? '') ? 'circuit breaker' : undefined
  if (t.status !== 'failed') return undefined
  if (/rate[\s_-]?limit|quota|too many requests|\b429\b/i.test(text)) return 'rate limit'
  if (/authenticat|credential|api[\s_-]?key|unauthori[sz]ed|\b401\b/i.test(text)) return 'credentials'
  if (/not installed|not on PATH/i.test(text)) return 'agent not installed'
  if (/turn or budget cap|budget/i.test(text)) return 'agent or budget cap'
  if (/timed out|timeout/i.test(text)) return 'timeout'
  if (t.failedStep?.startsWith('check: ')) return 'check failed'
  return 'step failed'
}

const tokensOf = (u: Usage | undefined) => (u ? u.inputTokens + u.outputTokens : 0)
const runMs = (m: RunManifest) => (m.finishedAt ? Date.parse(m.finishedAt) - Date.parse(m.startedAt) : 0)

class Tally {
  private rows = new Map<string, HistoryRow>()
  add(key: string, ok: boolean, attempts: number, durationMs: number, usage: Usage | undefined): void {
    const r = this.rows.get(key) ?? { key, runs: 0, succeeded: 0, successRate: 0, attempts: 0, durationMs: 0, tokens: 0, costUsd: 0 }
    r.runs++
    if (ok) r.succeeded++
    r.successRate = r.succeeded / r.runs
    r.attempts += attempts
    r.durationMs += durationMs
    r.tokens += tokensOf(usage)
    r.costUsd += usage?.costUsd ?? 0
    this.rows.set(key, r)
  }
  list(): HistoryRow[] {
    return [...this.rows.values()].sort((a, b) => b.runs - a.runs || a.key.localeCompare(b.key))
  }
}

/**
 * Sums the last `last` runs. Per plan: a run succeeded when all its tasks
 * landed. Per agent: one entry per agent step; a task's usage is counted for
 * the agent that did its last agent step (manifests keep usage per task).
 */
export function summarizeHistory(manifests: readonly RunManifest[], last: number, sessionRecords: readonly SessionRecord[] = []): History {
  const runs = manifests.slice(-last)
  const plans = new Tally()
  const agents = new Tally()
  const kinds = new Map<string, FailureKind>()
  for (const m of runs) {
    const tasks = Object.values(m.tasks)
    const attempts = tasks.reduce((n, t) => n + t.attempts, 0)
    const usage = tasks.reduce<Usage>((u, t) => (t.usage ? addUsage(u, t.usage) : u), ZERO_USAGE)
    plans.add(`#${m.issue}`, runOutcome(m) === 'succeeded', attempts, runMs(m), usage)
    for (const t of tasks) {
      const agentSteps = t.steps.filter(s => s.kind === 'agent')
      agentSteps.forEach((s, i) =>
        agents.add(s.agent ?? 'agent', s.status === 'succeeded', s.attempts, s.durationMs, i === agentSteps.length - 1 ? t.usage : undefined)
      )
      const kind = failureKind(t)
      if (!kind) continue
      const k = kinds.get(kind)
      if (k) k.count++
      else kinds.set(kind, { kind, count: 1, example: { issue: m.issue, task: t.id, startedAt: m.startedAt, reason: (t.reason ?? '').split('\n')[0] } })
    }
  }
  const recent = sessionRecords.slice(-last)
  const sessions: SessionsSummary = { count: recent.length, stoppedByLimit: recent.filter(x => x.stoppedBy).length, plans: {} }
  for (const x of recent) for (const p of x.plans) sessions.plans[p.outcome] = (sessions.plans[p.outcome] ?? 0) + 1
  const lastStop = recent.at(-1)?.stoppedBy
  if (lastStop) sessions.lastStop = lastStop
  return { runs: runs.length, sessions, plans: plans.list(), agents: agents.list(), failures: [...kinds.values()].sort((a, b) => b.count - a.count) }
}

/** The history as text tables. */
export function renderHistory(h: History): string {
  const pct = (r: number) => `${Math.round(r * 100)}%`
  const table = (title: string, rows: HistoryRow[]) => [
    `${title}:`,
    ...(rows.length === 0
      ? ['  (none)']
      : rows.map(
          r =>
            `  ${r.key.padEnd(10)} ${String(r.runs).padStart(4)} runs  ${pct(r.successRate).padStart(4)} ok  ${String(r.attempts).padStart(4)} attempts  ` +
            `${Math.round(r.durationMs / 1000)} s  ${r.tokens} tokens  $${r.costUsd.toFixed(4)}`
        ))
  ]
  const outcomes = Object.entries(h.sessions.plans).map(([k, n]) => `${n} ${k}`).join(', ')
  return [
    `${h.runs} run(s); ${h.sessions.count} session(s)${h.sessions.count ? `, ${h.sessions.stoppedByLimit} stopped by a limit; plans: ${outcomes}` : ''}`,
    ...table('per plan', h.plans),
    ...table('per agent', h.agents),
    'most frequent failures:',
    ...(h.failures.length === 0 ? ['  (none)'] : h.failures.map(f => `  ${f.count} x ${f.kind}, e.g. #${f.example.issue} task ${f.example.task}: ${f.example.reason}`))
  ].join('\n')
}
