// Benchmark 2: per-task overhead on a repository of ~5,000 files: a no-op task under autopilot against a bare
// `git worktree add` + `git worktree remove` of the same commit (the least any worktree-per-task design pays).
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { runLocal } from '../src/run/local-run.js'
import { TimingExecutor } from './engine-run.js'
import { fmt, git, makeRepo, manyFiles, median, sum, table, timed, type BenchOptions, type Section } from './util.js'

const run = promisify(execFile)
const FILES = 5000

export async function overheadBench(o: BenchOptions): Promise<Section> {
  const reps = o.quick ? 2 : 7
  o.log(`overhead: making a repository of ${FILES} files`)
  const repo = makeRepo(manyFiles(FILES))
  try {
    const issue = 77
    repo.writePlan({ issue, tasks: [{ id: 'noop', name: 'No-op', steps: [{ run: 'true' }] }] })
    const commit = git(['rev-parse', 'HEAD'], repo.repo).trim()
    const wt = path.join(repo.root, 'bare-wt')
    const bare: number[] = []
    const task: number[] = []
    const wall: number[] = []
    let profile: TimingExecutor | undefined
    o.log(`overhead: ${reps} x (bare worktree add + remove, autopilot no-op task), alternating`)
    for (let i = 0; i < reps; i++) {
      const b = await timed(async () => {
        await run('git', ['worktree', 'add', '--quiet', '--detach', wt, commit], { cwd: repo.repo })
        await run('git', ['worktree', 'remove', '--force', wt], { cwd: repo.repo })
      })
      bare.push(b.ms)
      const executor = new TimingExecutor()
      const a = await timed(() =>
        runLocal({ planArg: String(issue), cwd: repo.repo, env: repo.env, jobs: 1, fresh: true, out: () => {}, isTTY: false, executor })
      )
      if (a.value.exitCode !== 0) throw new Error(`overhead: the no-op run failed (exit ${a.value.exitCode})`)
      task.push(a.value.manifest.tasks.noop.durationMs ?? NaN)
      wall.push(a.ms)
      profile = executor
    }
    const ratio = median(task) / median(bare)
    const wallRatio = median(wall) / median(bare)
    const calls = profile!.log.git.filter(g => g.task === 'noop')
    const byCmd = new Map<string, { n: number; ms: number }>()
    for (const g of calls) {
      const e = byCmd.get(g.cmd) ?? { n: 0, ms: 0 }
      e.n++
      e.ms += g.ms
      byCmd.set(g.cmd, e)
    }
    const taskMs = profile!.log.steps.filter(s => s.task === 'noop').map(s => s.ms)
    const body = [
      `Repository of ${FILES + 2} files; medians of ${reps} alternating runs.`,
      '',
      table(
        ['what', 'median', 'ratio to bare worktree'],
        [
          ['bare `git worktree add` + `git worktree remove`', `${fmt(median(bare), 0)} ms`, '1.00'],
          ['autopilot no-op task (worktree to removal, as recorded)', `${fmt(median(task), 0)} ms`, fmt(ratio)],
          ['whole `autopilot run` of a one-task plan (clone, task, integration, reports)', `${fmt(median(wall), 0)} ms`, fmt(wallRatio)]
        ]
      ),
      '',
      'Where the no-op task spends its time (last run):',
      '',
      table(
        ['process', 'calls', 'ms'],
        [
          ...[...byCmd].sort((a, b) => b[1].ms - a[1].ms).map(([cmd, e]) => [`git ${cmd}`, e.n, fmt(e.ms, 0)]),
          ['the step (`true`)', taskMs.length, fmt(sum(taskMs), 0)]
        ]
      )
    ].join('\n')
    return {
      title: 'Per-task overhead',
      body,
      headline:
        `Per-task overhead: on a ${FILES.toLocaleString('en')}-file repository a no-op task takes ${fmt(median(task), 0)} ms, ` +
        `${fmt(ratio)}× a bare \`git worktree add\` + \`remove\` of the same commit (${fmt(median(bare), 0)} ms); ` +
        `a whole one-task \`autopilot run\` takes ${fmt(wallRatio)}×.`,
      figures: { 'no-op task / bare worktree': ratio, 'one-task run / bare worktree': wallRatio, 'bare worktree ms': median(bare) },
      checks: [{ name: 'per-task overhead ratio printed', pass: Number.isFinite(ratio), detail: fmt(ratio) }]
    }
  } finally {
    repo.cleanup()
  }
}
