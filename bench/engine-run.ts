// Runs a synthetic DAG through the real local engine (`runLocal`) and records, per task, where the time went.
import { performance } from 'node:perf_hooks'
import { runLocal } from '../src/run/local-run.js'
import { ProcessExecutor, type CommandExecutor, type StepRequest, type ToolRequest } from '../src/run/executor.js'
import type { RunManifest } from '../src/state/manifest.js'
import type { Dag } from './dags.js'
import { makeRepo, type BenchRepo } from './util.js'

/** Wall time of every process the engine spawned, attributed to a task by its worktree path. */
export interface ProcessLog {
  /** Git calls: task id ('' = run-level), subcommand, milliseconds. */
  git: { task: string; cmd: string; ms: number }[]
  /** Step processes (the sleeps): task id, milliseconds. */
  steps: { task: string; ms: number }[]
}

/** A CommandExecutor that times every process it spawns, then delegates to the real one. */
export class TimingExecutor implements CommandExecutor {
  readonly log: ProcessLog = { git: [], steps: [] }
  private readonly inner = new ProcessExecutor()

  async runStep(req: StepRequest) {
    const t = performance.now()
    const r = await this.inner.runStep(req)
    this.log.steps.push({ task: taskOf([req.cwd]), ms: performance.now() - t })
    return r
  }

  async runTool(req: ToolRequest) {
    const t = performance.now()
    const r = await this.inner.runTool(req)
    // argv: git -c k=v -c k=v -c k=v <subcommand> ...
    const sub = req.argv.find((a, i) => i > 0 && !a.startsWith('-') && req.argv[i - 1] !== '-c') ?? '?'
    this.log.git.push({ task: taskOf([req.cwd, ...req.argv]), cmd: sub, ms: performance.now() - t })
    return r
  }
}

function taskOf(parts: string[]): string {
  for (const p of parts) {
    const m = /\/wt\/([^/]+)/.exec(p)
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
  /** Per task: its slot time as the task runner recorded it (worktree to removal). */
  durationMs: Record<string, number>
  processes: ProcessLog
}

/** The plan a DAG becomes: each task sleeps, then writes one small file, so patches and integration are real. */
export function dagPlan(dag: Dag, issue: number) {
  return {
    issue,
    gates: { 'allow-paths': ['out/**'] },
    tasks: dag.tasks.map(t => ({
      id: t.id,
      ...(t.needs.length ? { needs: t.needs } : {}),
      'estimate-minutes': t.sleepS / 60,
      steps: [{ run: `sleep ${t.sleepS}\nmkdir -p out && echo ${t.id} > out/${t.id}.txt` }]
    }))
  }
}

/** Runs `dag` in a fresh repository (or `repo`) with `jobs` slots. */
export async function runDag(dag: Dag, jobs: number, repo?: BenchRepo): Promise<EngineRun> {
  const r = repo ?? makeRepo()
  try {
    const issue = 900 + Math.floor(Math.random() * 99)
    r.writePlan(dagPlan(dag, issue))
    const executor = new TimingExecutor()
    const t = performance.now()
    const res = await runLocal({ planArg: String(issue), cwd: r.repo, env: r.env, jobs, fresh: true, out: () => {}, isTTY: false, executor })
    const wallMs = performance.now() - t
    const recs = Object.values(res.manifest.tasks)
    const start = Math.min(...recs.map(x => Date.parse(x.startedAt!)))
    const end = Math.max(...recs.map(x => Date.parse(x.finishedAt!)))
    return {
      manifest: res.manifest,
      exitCode: res.exitCode,
      wallMs,
      spanMs: end - start,
      durationMs: Object.fromEntries(recs.map(x => [x.id, x.durationMs ?? 0])),
      processes: executor.log
    }
  } finally {
    if (!repo) r.cleanup()
  }
}
