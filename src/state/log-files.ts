/**
 * Where a local run's logs and reports live, and which files belong to which
 * run: `.ai/logs/autopilot/<issue>-<ts>/<task>/...` plus `status-<issue>-<ts>.log`,
 * `summary-<issue>-<ts>.md` and `FAILED-<issue>-<ts>.log` beside it. `logs`
 * finds the latest run's files here; `clean --logs` prunes old runs.
 */
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

/** `.ai/logs/autopilot` of a repository. */
export function logsRootOf(repoRoot: string): string {
  return join(repoRoot, '.ai', 'logs', 'autopilot')
}

/** A run's id in file names: `20261207T212428Z` (sorts by time). */
export function runTimestamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

/** The names of one run's folder and report files, relative to the logs root. */
export function runLogNames(issue: number, ts: string) {
  return {
    dir: `${issue}-${ts}`,
    status: `status-${issue}-${ts}.log`,
    summary: `summary-${issue}-${ts}.md`,
    failed: `FAILED-${issue}-${ts}.log`
  }
}

export interface LoggedRun {
  ts: string
  /** Absolute path of the run's folder (task and step logs). */
  dir: string
  /** Every file and folder of the run under the logs root, absolute. */
  entries: string[]
}

const REPORT = /^(status|summary|FAILED)-(?:(\d+)-)?(\d{8}T\d{6}Z)\.(log|md)$/

/**
 * The logged runs of `issue`, oldest first. Report files from before issue
 * numbers were in their names (`status-<ts>.log`) count for the run whose
 * folder has the same timestamp.
 */
export async function listLoggedRuns(logsRoot: string, issue: number): Promise<LoggedRun[]> {
  let names: string[]
  try {
    names = await readdir(logsRoot)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  const runs = new Map<string, LoggedRun>()
  const prefix = `${issue}-`
  for (const n of names) {
    if (!n.startsWith(prefix) || !/^\d{8}T\d{6}Z$/.test(n.slice(prefix.length))) continue
    const ts = n.slice(prefix.length)
    runs.set(ts, { ts, dir: join(logsRoot, n), entries: [join(logsRoot, n)] })
  }
  for (const n of names) {
    const m = REPORT.exec(n)
    if (!m) continue
    const [, , ofIssue, ts] = m
    if (ofIssue !== undefined && Number(ofIssue) !== issue) continue
    const run = runs.get(ts)
    if (run) run.entries.push(join(logsRoot, n))
    else if (ofIssue !== undefined) runs.set(ts, { ts, dir: join(logsRoot, `${issue}-${ts}`), entries: [join(logsRoot, n)] })
  }
  return [...runs.values()].sort((a, b) => a.ts.localeCompare(b.ts))
}

/**
 * Removes all but the `keep` newest runs of `issue`. Runs in `inUse` (their
 * folders hold logs the current manifest points to: tasks kept on resume)
 * are kept too. Returns the removed paths.
 */
export async function pruneLoggedRuns(logsRoot: string, issue: number, keep: number, inUse: ReadonlySet<string>): Promise<string[]> {
  const runs = await listLoggedRuns(logsRoot, issue)
  const old = runs.slice(0, Math.max(0, runs.length - keep)).filter(r => !inUse.has(r.dir))
  const removed: string[] = []
  for (const r of old) {
    for (const e of r.entries) {
      await rm(e, { recursive: true, force: true })
      removed.push(e)
    }
  }
  return removed
}
