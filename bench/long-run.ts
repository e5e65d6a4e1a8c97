// Benchmark 3: a long run. 1,000 independent tasks (--quick 200) at --jobs 2, each writing one small file (so each
// is diffed, gated, secret-scanned, stored and integrated): nothing may grow with the number of tasks already run.
// Time per task in the last tenth against the first tenth, and bytes written per task after 300 tasks against after
// all of them (the engine process's write(2) bytes: run state, results, logs, pipes to git).
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { runLocal } from '../src/run/local-run.js'
import { bytesWritten, fmt, makeRepo, table, type BenchOptions, type Section } from './util.js'

/** Issue 11's limits. */
const TIME_LIMIT = 1.15
const BYTES_LIMIT = 1.2

/** One finished task as the run reported it: when, and the process's bytes written by then. */
interface Mark {
  at: number
  bytes: number
}

export async function longRunBench(o: BenchOptions): Promise<Section> {
  const n = o.quick ? 200 : 1000
  const early = o.quick ? 60 : 300
  const tenth = n / 10
  const repo = makeRepo()
  try {
    const issue = 1000
    repo.writePlan({
      issue,
      tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, paths: [`out/t${i}.txt`], steps: [{ run: `mkdir -p out && echo "task ${i}" > out/t${i}.txt` }] }))
    })
    o.log(`long run: ${n} tasks at --jobs 2`)
    let started: Mark | undefined
    const finished: Mark[] = []
    // The non-TTY console prints one line per status change: "<time> <id> <status>".
    const out = (text: string) => {
      for (const line of text.split('\n')) {
        const status = / t\d+ (\w+)/.exec(line)?.[1]
        if (!status) continue
        const mark = { at: performance.now(), bytes: bytesWritten() }
        if (status === 'running') started ??= mark
        else {
          finished.push(mark)
          if (finished.length % tenth === 0) o.log(`long run: ${finished.length} tasks finished`)
        }
      }
    }
    const t0 = performance.now()
    const res = await runLocal({ planArg: String(issue), cwd: repo.repo, env: repo.env, jobs: 2, fresh: true, out, isTTY: false })
    const end = { at: performance.now(), bytes: bytesWritten() }
    const bad = Object.values(res.manifest.tasks).filter(t => t.status !== 'succeeded')
    if (res.exitCode !== 0 || bad.length || finished.length !== n || !started) {
      throw new Error(`long run: exit ${res.exitCode}, ${finished.length} of ${n} tasks reported, ${bad.length} not succeeded: ${bad.slice(0, 3).map(t => `${t.id}: ${t.reason}`).join('; ')}`)
    }
    const s = started
    const firstTenth = (finished[tenth - 1].at - s.at) / tenth
    const lastTenth = (finished[n - 1].at - finished[n - tenth - 1].at) / tenth
    const timeRatio = lastTenth / firstTenth
    const perTaskEarly = (finished[early - 1].bytes - s.bytes) / early
    const perTaskAll = (finished[n - 1].bytes - s.bytes) / n
    const bytesRatio = Math.max(perTaskEarly, perTaskAll) / Math.min(perTaskEarly, perTaskAll)
    const afterMs = end.at - finished[n - 1].at
    const state = du(path.join(repo.repo, '.ai', 'runs'))
    const kib = (b: number) => `${fmt(b / 1024, 1)} KiB`
    const body = [
      `${n.toLocaleString('en')} independent tasks at \`--jobs 2\`, each a shell step writing one small file; task finishes and`,
      "bytes are taken from the run's own progress lines as they are printed. Bytes: what the engine process passed to",
      'write(2) since the first task started (/proc/self/io `wchar`: run state, results, cache, logs, pipes to git; not',
      "git's own writes).",
      '',
      table(
        ['what', 'figure'],
        [
          [`time per task, first tenth (tasks 1-${tenth})`, `${fmt(firstTenth, 0)} ms`],
          [`time per task, last tenth (tasks ${n - tenth + 1}-${n})`, `${fmt(lastTenth, 0)} ms`],
          ['**last tenth / first tenth**', `**${fmt(timeRatio)}**`],
          [`bytes written per task, first ${early}`, kib(perTaskEarly)],
          [`bytes written per task, all ${n.toLocaleString('en')}`, kib(perTaskAll)],
          ['**per task: larger / smaller**', `**${fmt(bytesRatio)}**`],
          ['after the last task (integration, delivery, reports)', `${fmt(afterMs / 1000, 1)} s (${fmt((100 * afterMs) / (end.at - t0), 0)}% of the run)`],
          ['bytes written after the last task, per task', kib((end.bytes - finished[n - 1].bytes) / n)],
          ['whole run', `${fmt((end.at - t0) / 1000, 1)} s`],
          ['.ai/runs at the end (manifest, journal, results)', `${fmt(state / 1024 / 1024, 1)} MiB`]
        ]
      )
    ].join('\n')
    return {
      title: `A ${n.toLocaleString('en')}-task run`,
      body,
      headline:
        `Long run: in a ${n.toLocaleString('en')}-task run a task in the last tenth takes ${fmt(timeRatio)}× the time of one in the first ` +
        `(${fmt(lastTenth, 0)} vs ${fmt(firstTenth, 0)} ms at \`--jobs 2\`), and the engine writes ${kib(perTaskAll)} per task over the whole run ` +
        `against ${kib(perTaskEarly)} over the first ${early}; integration and reports after the last task take ${fmt(afterMs / 1000, 1)} s.`,
      brief: `a ${n.toLocaleString('en')}-task run's last tenth at ${fmt(timeRatio)}× the time per task of its first`,
      figures: { 'last tenth / first tenth': timeRatio, 'first tenth ms/task': firstTenth, 'last tenth ms/task': lastTenth, [`bytes/task @${early}`]: perTaskEarly, [`bytes/task @${n}`]: perTaskAll, 'bytes/task ratio': bytesRatio, 'after last task ms': afterMs },
      checks: [
        { name: `${n}-task run: time per task, last tenth <= ${TIME_LIMIT}x first tenth`, pass: timeRatio <= TIME_LIMIT, detail: `${fmt(timeRatio)} (${fmt(lastTenth, 0)} / ${fmt(firstTenth, 0)} ms)` },
        { name: `bytes written per task within ${BYTES_LIMIT}x from ${early} to ${n} tasks`, pass: bytesRatio <= BYTES_LIMIT, detail: `${fmt(bytesRatio)} (${kib(perTaskEarly)} / ${kib(perTaskAll)})` }
      ]
    }
  } finally {
    repo.cleanup()
  }
}

/** Bytes under `dir` (du -sb). */
function du(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0])
}
