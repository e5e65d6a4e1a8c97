// Benchmark 1: scheduling. Synthetic DAGs through the real engine: makespan against the critical path, the level
// barrier (one matrix job per level) and a sequential run, both computed from the task times measured in the run.
import { chain, criticalPathS, dagLevels, diamond, randomDag, simulate, wide, type Dag } from './dags.js'
import type { EngineRun } from './engine-run.js'
import { inFreshProcess } from './isolate.js'
import { fmt, median, sum, table, type BenchOptions, type Section } from './util.js'

/** The random DAG every run measures: 60 tasks, 6 levels, sleeps 0.3-2 s, fixed seed. */
export const RANDOM_DAG = () => randomDag(60, 6, 7, 0.3, 2.0)

interface Row {
  dag: Dag
  jobs: number
  width: number
  levels: number
  cpS: number
  run: EngineRun
  /** Median of the repetitions, per figure. */
  spanRatio: number
  /** Every repetition's span / CP, in run order. */
  spanRatios: number[]
  wallRatio: number
  barrierRatio: number
  sequentialRatio: number
  /** Our span over an ideal dependency-driven schedule of the same measured task times (scheduler's own gaps). */
  gapRatio: number
  overheadMs: number
  /** Git processes per task, from the first run. */
  gitPerTask: number
}

async function measure(dag: Dag, jobs: number, reps: number): Promise<Row> {
  const lv = dagLevels(dag)
  const cpS = criticalPathS(dag).seconds
  const sleepMs = Object.fromEntries(dag.tasks.map(t => [t.id, t.sleepS * 1000]))
  const runs: EngineRun[] = []
  for (let i = 0; i < reps; i++) {
    // Each run in a fresh process, like a real `autopilot run`.
    const run = await inFreshProcess<EngineRun>('engine-run.js', 'runDag', [dag, jobs])
    if (run.exitCode !== 0) {
      const bad = Object.values(run.manifest.tasks).filter(t => t.status !== 'succeeded')
      throw new Error(`${dag.name}: the run failed (exit ${run.exitCode}): ${bad.map(t => `${t.id} ${t.status}: ${t.reason}`).join('; ')}`)
    }
    runs.push(run)
  }
  const per = (f: (r: EngineRun) => number) => median(runs.map(f))
  return {
    dag,
    jobs,
    width: Math.max(...lv.map(l => l.length)),
    levels: lv.length,
    cpS,
    run: runs[0],
    spanRatio: per(r => r.spanMs / 1000 / cpS),
    spanRatios: runs.map(r => r.spanMs / 1000 / cpS),
    wallRatio: per(r => r.wallMs / 1000 / cpS),
    barrierRatio: per(r => simulate(dag, r.durationMs, jobs, 'levels') / r.spanMs),
    sequentialRatio: per(r => sum(Object.values(r.durationMs)) / r.spanMs),
    gapRatio: per(r => r.spanMs / simulate(dag, r.durationMs, jobs, 'deps')),
    overheadMs: per(r => median(dag.tasks.map(t => r.durationMs[t.id] - sleepMs[t.id]))),
    gitPerTask: runs[0].processes.git.filter(g => g.task && g.task !== 'integrate').length / dag.tasks.length
  }
}

/** Where a task's time goes outside its step: git subcommands, summed over the run, per task. */
function gitProfile(run: EngineRun, tasks: number): string {
  const by = new Map<string, { n: number; ms: number }>()
  for (const g of run.processes.git) {
    if (!g.task || g.task === 'integrate') continue
    const e = by.get(g.cmd) ?? { n: 0, ms: 0 }
    e.n++
    e.ms += g.ms
    by.set(g.cmd, e)
  }
  const rows = [...by].sort((a, b) => b[1].ms - a[1].ms).map(([cmd, e]) => [`git ${cmd}`, fmt(e.n / tasks, 1), fmt(e.ms / tasks, 0)])
  const n = sum([...by.values()].map(e => e.n))
  const ms = sum([...by.values()].map(e => e.ms))
  return table(['process', 'calls / task', 'ms / task'], [...rows, ['**all git**', fmt(n / tasks, 1), fmt(ms / tasks, 0)]])
}

export async function schedulingBench(o: BenchOptions): Promise<Section> {
  const reps = o.quick ? 1 : 3
  const random = RANDOM_DAG()
  const plans: [Dag, number][] = [
    [diamond(1), 2],
    [wide(32, 2), 32],
    [chain(16, 0.5), 1],
    [random, Math.max(...dagLevels(random).map(l => l.length))]
  ]
  const rows: Row[] = []
  for (const [dag, jobs] of plans) {
    o.log(`scheduling: ${dag.name} (${dag.tasks.length} tasks, --jobs ${jobs}, ${reps} run${reps > 1 ? 's' : ''})`)
    rows.push(await measure(dag, jobs, reps))
  }
  const r = rows[rows.length - 1]
  const body = [
    'Each task is a `sleep` step that then writes one file, run by `runLocal` (worktrees, gates, store, integration).',
    '*span* = first task start to last task finish; *end to end* also counts the private clone, integration and',
    'reports. The level barrier and sequential makespans are computed from the task times measured in the same',
    `run (no gaps between tasks: this favours the alternatives). ${reps > 1 ? `Medians of ${reps} runs; span / CP also shows the range.` : 'One run each.'}`,
    '',
    table(
      ['plan', 'tasks', 'levels', '--jobs', 'critical path', 'span / CP', 'end to end / CP', 'level barrier / ours', 'sequential / ours', 'ours / ideal', 'overhead / task', 'git calls / task'],
      rows.map(x => [
        x.dag.name,
        x.dag.tasks.length,
        x.levels,
        x.jobs,
        `${fmt(x.cpS, 1)} s`,
        x.spanRatios.length > 1 ? `${fmt(x.spanRatio)} (${fmt(Math.min(...x.spanRatios))}-${fmt(Math.max(...x.spanRatios))})` : fmt(x.spanRatio),
        fmt(x.wallRatio),
        fmt(x.barrierRatio),
        fmt(x.sequentialRatio),
        fmt(x.gapRatio),
        `${fmt(x.overheadMs, 0)} ms`,
        fmt(x.gitPerTask, 1)
      ])
    ),
    '',
    '*ours / ideal*: our span against a gap-free dependency-driven schedule of the same measured task times (1.00 =',
    'the scheduler itself wastes nothing). *overhead / task*: median task time minus its sleep (worktree, git, gates, logs).',
    'With 32 tasks starting at once, their git processes queue for the CPUs: on a small machine the per-task',
    'processes, not the sleeps, set the pace (--jobs above the core count pays off for waiting tasks, such as agents).',
    '',
    `Git processes per task in the ${r.dag.name} run (wall time, concurrent tasks overlap):`,
    '',
    gitProfile(r.run, r.dag.tasks.length)
  ].join('\n')
  const byName = (prefix: string) => rows.find(x => x.dag.name.startsWith(prefix))!
  const headline =
    `Scheduling: on a random 60-task DAG (6 levels, sleeps 0.3-2 s, \`--jobs ${r.jobs}\`) the run's span is ` +
    `${fmt(r.spanRatio)}× the critical path (${fmt(r.wallRatio)}× end to end, clone and integration included); ` +
    `a level-by-level barrier would take ${fmt(r.barrierRatio)}× as long and a sequential run ${fmt(r.sequentialRatio)}×. ` +
    `Per-task overhead is ${fmt(r.overheadMs, 0)} ms (median), so a chain of 16 half-second tasks runs at ` +
    `${fmt(byName('chain').spanRatio)}× its critical path and 32 two-second tasks at once at ${fmt(byName('wide').spanRatio)}×.`
  return {
    title: 'Scheduling',
    body,
    headline,
    figures: Object.fromEntries(rows.flatMap(x => [[`${x.dag.name}: span/CP`, x.spanRatio], [`${x.dag.name}: barrier/ours`, x.barrierRatio]])),
    checks: [
      {
        name: `random DAG span / critical path <= 1.10 (--jobs ${r.jobs} = width)`,
        pass: r.spanRatio <= 1.1,
        detail: r.spanRatios.length > 1 ? `${fmt(r.spanRatio, 3)} (runs: ${r.spanRatios.map(x => fmt(x, 3)).join(', ')})` : fmt(r.spanRatio, 3)
      }
    ]
  }
}
