// Benchmark 2: per-task overhead on a large repository (50,000 files; --quick 10,000). A run of several no-op tasks
// at --jobs 1: the first task of a run checks out every file into the pool's worktree, later ones switch it to
// their start tree (nothing to write), so the steady state is the tasks after the first. Against a bare
// `git worktree add` + `git worktree remove` of the same commit: what a worktree-per-task design pays at least.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { runLocal } from '../src/run/local-run.js'
import { TimingExecutor } from './engine-run.js'
import { fmt, git, makeLargeRepo, median, sum, table, timed, type BenchOptions, type Section } from './util.js'

const run = promisify(execFile)
/** Issue 11's limits for the steady-state per-task overhead. */
const LIMIT_MS = 500
const LIMIT_RATIO = 0.05

export async function overheadBench(o: BenchOptions): Promise<Section> {
  const files = o.quick ? 10_000 : 50_000
  const tasks = o.quick ? 4 : 6
  const bareReps = o.quick ? 1 : 3
  o.log(`overhead: making a repository of ${files.toLocaleString('en')} files (git fast-import)`)
  const made = await timed(() => makeLargeRepo(files))
  const repo = made.value
  try {
    const issue = 77
    const ids = Array.from({ length: tasks }, (_, i) => `noop${i + 1}`)
    repo.writePlan({ issue, tasks: ids.map(id => ({ id, steps: [{ run: 'true' }] })) })
    const commit = git(['rev-parse', 'HEAD'], repo.repo).trim()
    const wt = path.join(repo.root, 'bare-wt')
    const bare: number[] = []
    const bareOnce = async () => {
      const b = await timed(async () => {
        await run('git', ['worktree', 'add', '--quiet', '--detach', wt, commit], { cwd: repo.repo })
        await run('git', ['worktree', 'remove', '--force', wt], { cwd: repo.repo })
      })
      bare.push(b.ms)
    }
    // Alternating with the run, so a change in the machine's load hits both.
    o.log(`overhead: bare worktree add + remove (${bareReps}x, around the run)`)
    await bareOnce()
    o.log(`overhead: a run of ${tasks} no-op tasks at --jobs 1`)
    const executor = new TimingExecutor()
    const whole = await timed(() => runLocal({ planArg: String(issue), cwd: repo.repo, env: repo.env, jobs: 1, fresh: true, out: () => {}, isTTY: false, executor }))
    if (whole.value.exitCode !== 0) throw new Error(`overhead: the no-op run failed (exit ${whole.value.exitCode})`)
    for (let i = 1; i < bareReps; i++) await bareOnce()
    const recs = ids.map(id => whole.value.manifest.tasks[id]).sort((a, b) => Date.parse(a.finishedAt!) - Date.parse(b.finishedAt!))
    const first = recs[0]
    const later = recs.slice(1)
    // The steady state: from the first task's finish to the last's, per task (the recorded task times plus any gap).
    const perTask = (Date.parse(recs[recs.length - 1].finishedAt!) - Date.parse(first.finishedAt!)) / later.length
    const laterMedian = median(later.map(r => r.durationMs ?? NaN))
    const bareMs = median(bare)
    const ratio = perTask / bareMs
    // Git processes of one steady-state task, by subcommand.
    const calls = executor.log.git.filter(g => later.some(r => r.id === g.task))
    const byCmd = new Map<string, { n: number; ms: number }>()
    for (const g of calls) {
      const e = byCmd.get(g.cmd) ?? { n: 0, ms: 0 }
      e.n++
      e.ms += g.ms
      byCmd.set(g.cmd, e)
    }
    const steps = executor.log.steps.filter(s => later.some(r => r.id === s.task)).map(s => s.ms)
    const firstGit = sum(executor.log.git.filter(g => g.task === first.id).map(g => g.ms))
    const body = [
      `A repository of ${(files + 2).toLocaleString('en')} files (made in ${fmt(made.ms / 1000, 1)} s by one \`git fast-import\`); a run of`,
      `${tasks} no-op tasks (\`true\`) at \`--jobs 1\`; bare worktree: median of ${bareReps}, taken around the run.`,
      '',
      table(
        ['what', 'time', 'ratio to bare worktree'],
        [
          ['bare `git worktree add` + `git worktree remove` of the same commit', `${fmt(bareMs, 0)} ms`, '1.00'],
          [`first task of the run (the pool's worktree checks out all ${files.toLocaleString('en')} files)`, `${fmt(first.durationMs ?? NaN, 0)} ms`, fmt((first.durationMs ?? NaN) / bareMs)],
          [`**each later task** (last finish minus first finish, per task; ${later.length} tasks)`, `**${fmt(perTask, 0)} ms**`, `**${fmt(ratio, 3)}**`],
          ['later tasks, median recorded task time', `${fmt(laterMedian, 0)} ms`, fmt(laterMedian / bareMs, 3)],
          [`whole \`autopilot run\` of the ${tasks} tasks (clone, tasks, integration, pool removal, reports)`, `${fmt(whole.ms, 0)} ms`, fmt(whole.ms / bareMs)]
        ]
      ),
      '',
      `Where a later task spends its time (per task, mean of ${later.length}; the first task's git processes took ${fmt(firstGit, 0)} ms):`,
      '',
      table(
        ['process', 'calls / task', 'ms / task'],
        [
          ...[...byCmd].sort((a, b) => b[1].ms - a[1].ms).map(([cmd, e]) => [`git ${cmd}`, fmt(e.n / later.length, 1), fmt(e.ms / later.length, 0)]),
          ['the step (`true`, sandboxed)', fmt(steps.length / later.length, 1), fmt(sum(steps) / later.length, 0)]
        ]
      )
    ].join('\n')
    return {
      title: 'Per-task overhead on a large repository',
      body,
      headline:
        `Per-task overhead: on a ${files.toLocaleString('en')}-file repository each task after a run's first costs ${fmt(perTask, 0)} ms, ` +
        `${fmt(ratio, 3)}× a bare \`git worktree add\` + \`remove\` of the same commit (${fmt(bareMs, 0)} ms); the run's first task, ` +
        `which checks out every file, ${fmt(first.durationMs ?? NaN, 0)} ms.`,
      brief: `${fmt(perTask, 0)} ms per task on a ${files.toLocaleString('en')}-file repository (${fmt(ratio, 3)}× a bare worktree add + remove)`,
      figures: { 'per task ms (after the first)': perTask, 'per task / bare worktree': ratio, 'first task ms': first.durationMs ?? NaN, 'bare worktree ms': bareMs, files },
      checks: [
        { name: `per-task overhead on a ${files.toLocaleString('en')}-file repository <= ${LIMIT_MS} ms`, pass: perTask <= LIMIT_MS, detail: `${fmt(perTask, 0)} ms (first task: ${fmt(first.durationMs ?? NaN, 0)} ms)` },
        { name: `per-task overhead <= ${LIMIT_RATIO}x a bare worktree add + remove`, pass: ratio <= LIMIT_RATIO, detail: `${fmt(ratio, 3)} (bare: ${fmt(bareMs, 0)} ms)` }
      ]
    }
  } finally {
    repo.cleanup()
  }
}
