/**
 * `autopilot session`: every selected plan, each run exactly as `autopilot
 * run` runs it (its own lock, work dir and branch: this calls the same
 * `runLocal`), at most `parallel` at once, until a session limit stops new
 * plans from starting. The session record is saved after every change, so a
 * session killed with -9 is resumed by the next `autopilot session`: finished
 * plans are kept, the plan that was running resumes its own run.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { EXIT, AutopilotError } from '../errors.js'
import { findRepoRoot } from '../plan/locate.js'
import { ensureIgnoredDir } from '../state/files.js'
import { FINAL } from '../state/manifest.js'
import { runLocal, type LocalRunResult } from '../run/local-run.js'
import { sessionStop } from './limits.js'
import { selectPlans } from './plans.js'
import { renderSessionJson, renderSessionMarkdown } from './report.js'
import { SessionStore } from './state.js'
import { DEFAULT_LIMITS, type SessionLimits, type SessionPlan, type SessionRecord } from './types.js'

export interface SessionOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  out(text: string): void
  limits: Partial<SessionLimits>
  ready: boolean
  issues: number[]
  signal?: AbortSignal
  backoffMs?: number
}

export interface SessionResult {
  exitCode: number
  record: SessionRecord
  markdownFile: string
  jsonFile: string
}

export async function runSession(opts: SessionOptions): Promise<SessionResult> {
  const repoRoot = findRepoRoot(opts.cwd)
  const store = new SessionStore(repoRoot)
  const lock = await store.lock()
  try {
    const record = await openRecord(store, repoRoot, opts)
    await store.save(record)
    const logsRoot = path.join(repoRoot, '.ai', 'logs', 'autopilot')
    await ensureIgnoredDir(logsRoot)
    const runLogs = path.join(logsRoot, `session-${record.id}`)
    await mkdir(runLogs, { recursive: true })
    await drive(record, store, opts, repoRoot, runLogs)
    const interrupted = opts.signal?.aborted ?? false
    for (const p of record.plans) {
      if (p.outcome === 'pending' && !interrupted) {
        p.outcome = 'not-started'
        p.lookAt = `not started: ${record.stoppedBy}`
      }
    }
    // An interrupted session stays unfinished, so the next `autopilot session` resumes it.
    if (!interrupted) record.finishedAt = new Date().toISOString()
    await store.save(record)
    const markdownFile = path.join(logsRoot, `session-${record.id}.md`)
    const jsonFile = path.join(logsRoot, `session-${record.id}.json`)
    await writeFile(markdownFile, renderSessionMarkdown(record))
    await writeFile(jsonFile, renderSessionJson(record))
    for (const p of record.plans) opts.out(`${p.issue === null ? p.plan : `#${p.issue}`}: ${p.outcome}${p.lookAt ? ` - ${p.lookAt}` : ''}\n`)
    if (record.stoppedBy) opts.out(`stopped starting plans: ${record.stoppedBy}\n`)
    opts.out(`session report: ${path.relative(opts.cwd, markdownFile)} (JSON: ${path.relative(opts.cwd, jsonFile)})\n`)
    return { exitCode: exitCode(record, interrupted), record, markdownFile, jsonFile }
  } finally {
    await lock.release()
  }
}

/** The unfinished session to resume, else a new one over the selected plans. */
async function openRecord(store: SessionStore, repoRoot: string, opts: SessionOptions): Promise<SessionRecord> {
  const previous = await store.unfinished()
  if (previous) {
    previous.resumed++
    // Its run resumes by itself: finished tasks are kept by the run's own manifest.
    for (const p of previous.plans) if (p.outcome === 'running') p.outcome = 'pending'
    opts.out(`autopilot: resuming session ${previous.id} (interrupted; started ${previous.startedAt})\n`)
    return previous
  }
  const limits: SessionLimits = { ...DEFAULT_LIMITS, ...definedOnly(opts.limits) }
  const plans = await selectPlans(repoRoot, { ready: opts.ready || opts.issues.length === 0, issues: opts.issues })
  const now = new Date()
  return { version: 1, id: stamp(now), startedAt: now.toISOString(), updatedAt: now.toISOString(), resumed: 0, limits, plans }
}

/** Starts pending plans in order, at most `parallel` at once, until they are done or a limit trips. */
async function drive(record: SessionRecord, store: SessionStore, opts: SessionOptions, repoRoot: string, runLogs: string): Promise<void> {
  const running = new Set<Promise<void>>()
  let saving = Promise.resolve()
  const save = () => (saving = saving.then(() => store.save(record)))
  for (;;) {
    while (running.size < record.limits.parallel && !opts.signal?.aborted) {
      const next = record.plans.find(p => p.outcome === 'pending')
      if (!next) break
      const stop = sessionStop({ limits: record.limits, plans: record.plans, startedAt: new Date(record.startedAt), now: new Date() })
      if (stop) {
        record.stoppedBy = stop
        break
      }
      next.outcome = 'running'
      next.startedAt = new Date().toISOString()
      await save()
      opts.out(`#${next.issue}: started (${next.plan})\n`)
      const p: Promise<void> = runPlan(next, opts, repoRoot, runLogs)
        .then(save)
        .finally(() => running.delete(p))
      running.add(p)
    }
    if (running.size === 0) break
    await Promise.race(running)
  }
  await saving
}

async function runPlan(entry: SessionPlan, opts: SessionOptions, repoRoot: string, runLogs: string): Promise<void> {
  const log = path.join(runLogs, `${entry.issue}.log`)
  const started = Date.now()
  try {
    const r = await runLocal({
      planArg: path.join(repoRoot, entry.plan),
      cwd: repoRoot,
      env: opts.env,
      out: text => void appendFile(log, text).catch(() => {}),
      isTTY: false,
      signal: opts.signal,
      backoffMs: opts.backoffMs
    })
    Object.assign(entry, fromRun(r, entry, repoRoot))
  } catch (e) {
    if (!(e instanceof AutopilotError)) throw e
    entry.outcome = 'error'
    entry.lookAt = e.message.split('\n')[0]
  }
  if (opts.signal?.aborted && entry.outcome !== 'succeeded') entry.outcome = 'running'
  entry.finishedAt = new Date().toISOString()
  entry.durationMs = Date.now() - started
  entry.lookAt ??= `log: ${path.relative(repoRoot, log)}`
}

/** A plan's session entry from its run: outcome, branch, usage, tasks run and what to look at first. */
export function fromRun(r: LocalRunResult, entry: SessionPlan, repoRoot: string): Partial<SessionPlan> {
  const m = r.manifest
  const tasks = Object.values(m.tasks)
  const since = entry.startedAt ?? ''
  const rel = (f: string | undefined) => (f ? path.relative(repoRoot, f) : undefined)
  const outcome: SessionPlan['outcome'] = r.exitCode === EXIT.ok ? 'succeeded' : r.exitCode === EXIT.stopped ? 'stopped' : 'failed'
  const bad = tasks.find(t => t.status === 'failed' || t.status === 'denied')
  const lookAt =
    outcome === 'succeeded'
      ? `review branch ${r.branch ?? m.branch} (${Object.keys(m.commits ?? {}).length} commits)`
      : bad
        ? `task ${bad.id} ${bad.status}: ${(bad.reason ?? '').split('\n')[0]}${r.failedFile ? `; see ${rel(r.failedFile)}` : ''}`
        : m.breaker
          ? `stopped: ${m.breaker}`
          : (r.integrationProblem ?? `see ${rel(r.failedFile ?? r.summaryFile)}`)
  return {
    outcome,
    branch: r.branch ?? m.branch,
    usage: m.usage,
    tasksRun: tasks.filter(t => FINAL.has(t.status) && t.status !== 'cancelled' && t.status !== 'blocked' && t.status !== 'cached' && (t.startedAt ?? '') >= since).length,
    lookAt,
    summary: rel(r.summaryFile),
    failedLog: rel(r.failedFile)
  }
}

function exitCode(record: SessionRecord, interrupted: boolean): number {
  if (interrupted || record.stoppedBy) return EXIT.stopped
  return record.plans.some(p => ['failed', 'stopped', 'error'].includes(p.outcome)) ? EXIT.taskFailed : EXIT.ok
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}
