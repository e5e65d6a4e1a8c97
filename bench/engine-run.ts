// Runs a synthetic DAG through the real local engine (`runLocal`) and records, per task, where the time went.
import { performance } from 'node:perf_hooks'
import { runLocal } from '../src/run/local-run.js'
import { ProcessExecutor, type StepRequest, type ToolRequest } from '../src/run/executor.js'
import type { RunManifest } from '../src/state/manifest.js'
import type { Dag } from './dags.js'
import { makeRepo, type BenchRepo } from './util.js'

/** Wall time of every process the engine spawned, attributed to a task by its worktree path. */
export interface ProcessLog {
  /** Git calls: task id ('' = run-level), subcommand, start (performance.now()) and milliseconds. */
  git: { task: string; cmd: string; at: number; ms: number }[]
  /** Step processes (the sleeps): task id, start and milliseconds. */
  steps: { task: string; at: number; ms: number }[]
}

/** The real executor, timing every process it spawns (a subclass, so it keeps whatever else the executor does). */
export class TimingExecutor extends ProcessExecutor {
  readonly log: ProcessLog = { git: [], steps: [] }

  override async runStep(req: StepRequest) {
    const t = performance.now()
    const r = await super.runStep(req)
    this.log.steps.push({ task: taskOf([req.cwd]), at: t, ms: performance.now() - t })
    return r
  }

  override async runTool(req: ToolRequest) {
    const t = performance.now()
    const r = await super.runTool(req)
    // Other tools (the sandbox probe's sudo) are not git processes.
    if (req.argv[0] !== 'git') return r
    // argv: git -c k=v -c k=v -c k=v <subcommand> ...
    const sub = req.argv.find((a, i) => i > 0 && !a.startsWith('-') && req.argv[i - 1] !== '-c') ?? '?'
    this.log.git.push({ task: taskOf([req.cwd, ...req.argv, ...Object.values(req.env ?? {})]), cmd: sub, at: t, ms: performance.now() - t })
    return r
  }
}

/**
 * The task a process works for, from the paths it is given: its pool worktree `wt/<task>` or its start tree's
 * private index `tmp/<task>-deps.index`. Idle worktrees (`wt/.idle-*`) and everything else count as run level ('').
 */
function taskOf(parts: string[]): string {
  for (const p of parts) {
    const m = /\/wt\/([^/.][^/]*)/.exec(p) ?? /\/tmp\/([^/]+)-deps(?:\.index|\/|$)/.exec(p)
    if (m) return m[1]
  }
  return ''
}

export interface EngineRun {
  manifest: RunManifest
  exitCode: number
  /** Whole `runLocal` call: clone, schedule, integration, reports. */
  wallMs: number
  /** First task start to last task finish, from the manifest. */
  spanMs: number
  /** From the last task's finish to the end of the run: integration, delivery, reports. */
  afterMs: number
  /** Per task: its time as the task runner recorded it (worktree switch to result). */
  durationMs: Record<string, number>
  processes: ProcessLog
}

/** The plan a DAG becomes: each task sleeps (if at all), then writes one small file, so patches and integration are real. */
export function dagPlan(dag: Dag, issue: number) {
  return {
    issue,
    tasks: dag.tasks.map(t => ({
      id: t.id,
      ...(t.needs.length ? { needs: t.needs } : {}),
      paths: [`out/${t.id}.txt`],
      ...(t.sleepS > 0 ? { 'estimate-minutes': t.sleepS / 60 } : {}),
      steps: [{ run: `${t.sleepS > 0 ? `sleep ${t.sleepS}\n` : ''}mkdir -p out && echo ${t.id} > out/${t.id}.txt` }]
    }))
  }
}

/** Runs `dag` in a fresh repository (or `repo`) with `jobs` slots. */
export async function runDag(dag: Dag, jobs: number, repo?: BenchRepo): Promise<EngineRun> {
  const r = repo ?? makeRepo()
  try {
    const issue = 900
    r.writePlan(dagPlan(dag, issue))
    const executor = new TimingExecutor()
    const t = performance.now()
    const res = await runLocal({ planArg: String(issue), cwd: r.repo, env: r.env, jobs, fresh: true, out: () => {}, isTTY: false, executor })
    const wallMs = performance.now() - t
    const endedAt = Date.now()
    const recs = Object.values(res.manifest.tasks)
    const start = Math.min(...recs.map(x => Date.parse(x.startedAt!)))
    const end = Math.max(...recs.map(x => Date.parse(x.finishedAt!)))
    return {
      manifest: res.manifest,
      exitCode: res.exitCode,
      wallMs,
      spanMs: end - start,
      afterMs: endedAt - end,
      durationMs: Object.fromEntries(recs.map(x => [x.id, x.durationMs ?? 0])),
      processes: executor.log
    }
  } finally {
    if (!repo) r.cleanup()
  }
}

/** One `runLocal` of plan `issue` in an existing checkout, timed, with the git processes it ran by subcommand. */
export async function timedRun(repo: string, env: Record<string, string>, issue: number, jobs: number, fresh: boolean) {
  const executor = new TimingExecutor()
  const t = performance.now()
  const res = await runLocal({ planArg: String(issue), cwd: repo, env, jobs, fresh, out: () => {}, isTTY: false, executor })
  const ms = performance.now() - t
  const git: Record<string, number> = {}
  for (const g of executor.log.git) git[g.cmd] = (git[g.cmd] ?? 0) + 1
  return { ms, exitCode: res.exitCode, git, steps: executor.log.steps.length, commits: Object.keys(res.manifest.commits ?? {}).length }
}
