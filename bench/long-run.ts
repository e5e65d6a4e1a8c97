// Benchmark 3: long runs. 300 and 1,000 independent tasks (--quick 30 and 100) at --jobs 2, each writing one small
// file (so each is diffed, gated, secret-scanned, stored and integrated): nothing may grow with the size of the run.
// Time per task in the last tenth of the 1,000-task run against its first tenth, and bytes written per task in the
// two runs (the engine process's write(2) bytes: run state, results, logs, reports, pipes to git).
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { runLocal } from '../src/run/local-run.js'
import { inFreshProcess } from './isolate.js'
import { bytesWritten, fmt, makeRepo, table, type BenchOptions, type Section } from './util.js'

/** Issue 11's limits. */
const TIME_LIMIT = 1.15
const BYTES_LIMIT = 1.2

/** One run of `n` tasks, measured in its own process (bytes written are the process's). */
export interface LongRun {
  n: number
  /** Milliseconds from the first task's start to each task's finish, in finishing order. */
  finishedMs: number[]
  /** Bytes written from the first task's start to the end of the run (integration and reports included). */
  bytes: number
  /** Of which after the last task finished. */
  bytesAfter: number
  /** From the first task's start to the last one's finish, and from there to the end of the run. */
  tasksMs: number
  afterMs: number
  wallMs: number
  /** Size of .ai/runs at the end: manifest, journal, results, cache. */
  stateBytes: number
}

/** Runs `n` independent tasks that each write one file, at --jobs 2, in a fresh repository. */
export async function longRun(n: number): Promise<LongRun> {
  const repo = makeRepo()
  try {
    const issue = 1000
    repo.writePlan({
      issue,
      // The run-level size gates would deny a 1,000-file change (300 files by default).
      gates: { 'max-run-changed-files': 100_000, 'max-run-changed-lines': 1_000_000 },
      tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, paths: [`out/t${i}.txt`], steps: [{ run: `mkdir -p out && echo "task ${i}" > out/t${i}.txt` }] }))
    })
    let started: { at: number; bytes: number } | undefined
    const finished: { at: number; bytes: number }[] = []
    // The non-TTY console prints one line per status change: "<time> <id> <status>".
    const out = (text: string) => {
      for (const line of text.split('\n')) {
        const status = / t\d+ (\w+)/.exec(line)?.[1]
        if (!status) continue
        const mark = { at: performance.now(), bytes: bytesWritten() }
        if (status === 'running') started ??= mark
        else finished.push(mark)
      }
    }
    const t0 = performance.now()
    const res = await runLocal({ planArg: String(issue), cwd: repo.repo, env: repo.env, jobs: 2, fresh: true, out, isTTY: false })
    const end = { at: performance.now(), bytes: bytesWritten() }
    const bad = Object.values(res.manifest.tasks).filter(t => t.status !== 'succeeded')
    if (res.exitCode !== 0 || bad.length || finished.length !== n || !started) {
      const why = [...bad.slice(0, 3).map(t => `${t.id}: ${t.reason}`), res.integrationProblem].filter(Boolean).join('; ')
      throw new Error(`long run: exit ${res.exitCode}, ${finished.length} of ${n} tasks reported, ${bad.length} not succeeded: ${why}`)
    }
    const s = started
    const last = finished[n - 1]
    return {
      n,
      finishedMs: finished.map(f => f.at - s.at),
      bytes: end.bytes - s.bytes,
      bytesAfter: end.bytes - last.bytes,
      tasksMs: last.at - s.at,
      afterMs: end.at - last.at,
      wallMs: end.at - t0,
      stateBytes: du(path.join(repo.repo, '.ai', 'runs'))
    }
  } finally {
    repo.cleanup()
  }
}

export async function longRunBench(o: BenchOptions): Promise<Section> {
  const sizes = o.quick ? [30, 100] : [300, 1000]
  const runs: LongRun[] = []
  for (const n of sizes) {
    o.log(`long run: ${n} tasks at --jobs 2`)
    runs.push(await inFreshProcess<LongRun>('long-run.js', 'longRun', [n]))
  }
  const [small, big] = runs
  const tenth = big.n / 10
  const f = big.finishedMs
  const firstTenth = f[tenth - 1] / tenth
  const lastTenth = (f[big.n - 1] - f[big.n - tenth - 1]) / tenth
  const timeRatio = lastTenth / firstTenth
  const perTask = (r: LongRun) => r.bytes / r.n
  const bytesRatio = Math.max(perTask(small), perTask(big)) / Math.min(perTask(small), perTask(big))
  const kib = (b: number) => `${fmt(b / 1024, 1)} KiB`
  const body = [
    `Runs of ${sizes.join(' and ')} independent tasks at \`--jobs 2\`, each task a shell step writing one small file (so each`,
    'is diffed, gated, secret-scanned, stored and committed), each run in a fresh process. Task finishes are taken from',
    "the run's progress lines as they are printed. Bytes: what the engine process passed to write(2) from the first",
    "task's start to the end of the run (/proc/self/io `wchar`: run state, results, cache, logs, reports, pipes to git;",
    "not git's own writes).",
    '',
    table(
      ['what', ...runs.map(r => `${r.n.toLocaleString('en')} tasks`)],
      [
        ['tasks: first start to last finish', ...runs.map(r => `${fmt(r.tasksMs / 1000, 1)} s (${fmt(r.tasksMs / r.n, 0)} ms / task)`)],
        ['after the last task (integration, delivery, reports)', ...runs.map(r => `${fmt(r.afterMs / 1000, 1)} s (${fmt((100 * r.afterMs) / r.wallMs, 0)}% of the run)`)],
        ['whole run', ...runs.map(r => `${fmt(r.wallMs / 1000, 1)} s`)],
        ['**bytes written per task**', ...runs.map(r => `**${kib(perTask(r))}**`)],
        ['of which after the last task, per task', ...runs.map(r => kib(r.bytesAfter / r.n))],
        ['.ai/runs at the end (manifest, journal, results, cache)', ...runs.map(r => `${fmt(r.stateBytes / 1024 / 1024, 1)} MiB`)]
      ]
    ),
    '',
    `In the ${big.n.toLocaleString('en')}-task run a task took ${fmt(firstTenth, 0)} ms in the first tenth (tasks 1-${tenth}) and ${fmt(lastTenth, 0)} ms`,
    `in the last (tasks ${big.n - tenth + 1}-${big.n}): **${fmt(timeRatio)}×**. Bytes per task, larger over smaller of the two runs: **${fmt(bytesRatio)}**.`
  ].join('\n')
  return {
    title: 'Long runs',
    body,
    headline:
      `Long runs: in a ${big.n.toLocaleString('en')}-task run a task in the last tenth takes ${fmt(timeRatio)}× the time of one in the first ` +
      `(${fmt(lastTenth, 0)} vs ${fmt(firstTenth, 0)} ms at \`--jobs 2\`); the engine writes ${kib(perTask(big))} per task there against ` +
      `${kib(perTask(small))} in a ${small.n}-task run; integration and reports after the last task take ${fmt(big.afterMs / 1000, 1)} s (${fmt((100 * big.afterMs) / big.wallMs, 0)}% of the run).`,
    brief: `a ${big.n.toLocaleString('en')}-task run's last tenth at ${fmt(timeRatio)}× the time per task of its first`,
    figures: {
      'last tenth / first tenth': timeRatio,
      'first tenth ms/task': firstTenth,
      'last tenth ms/task': lastTenth,
      [`bytes/task @${small.n}`]: perTask(small),
      [`bytes/task @${big.n}`]: perTask(big),
      'bytes/task ratio': bytesRatio,
      'after last task ms': big.afterMs
    },
    checks: [
      { name: `${big.n}-task run: time per task, last tenth <= ${TIME_LIMIT}x first tenth`, pass: timeRatio <= TIME_LIMIT, detail: `${fmt(timeRatio)} (${fmt(lastTenth, 0)} / ${fmt(firstTenth, 0)} ms)` },
      { name: `bytes written per task within ${BYTES_LIMIT}x from ${small.n} to ${big.n} tasks`, pass: bytesRatio <= BYTES_LIMIT, detail: `${fmt(bytesRatio)} (${kib(perTask(small))} / ${kib(perTask(big))})` }
    ]
  }
}

/** Bytes under `dir` (du -sb). */
function du(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0])
}
