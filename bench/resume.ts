// Benchmark 4: resuming a finished run. A 100-task random DAG (--quick 30) whose tasks each write one file, run
// once, then run again (each run a fresh process, as two `autopilot run` calls are): the second finds every task
// kept and every commit built, so it should redo next to nothing.
import { dagLevels, randomDag } from './dags.js'
import { dagPlan, type timedRun } from './engine-run.js'
import { inFreshProcess } from './isolate.js'
import { fmt, makeRepo, sum, table, type BenchOptions, type Section } from './util.js'

/** Issue 11's limit: a resume of a finished run against the first run. */
const LIMIT = 0.1

type Timed = Awaited<ReturnType<typeof timedRun>>

export async function resumeBench(o: BenchOptions): Promise<Section> {
  const n = o.quick ? 30 : 100
  // No sleeps: the run is all engine, so the ratio is the resume's own cost against a run's.
  const dag = randomDag(n, 10, 21, 0, 0)
  const jobs = 2
  const r = makeRepo()
  try {
    const issue = 910
    r.writePlan(dagPlan(dag, issue))
    const once = async (fresh: boolean) => {
      const res = await inFreshProcess<Timed>('engine-run.js', 'timedRun', [r.repo, r.env, issue, jobs, fresh])
      if (res.exitCode !== 0) throw new Error(`resume: the ${fresh ? 'first run' : 'resume'} exited ${res.exitCode}`)
      return res
    }
    o.log(`resume: ${dag.name} (${dagLevels(dag).length} levels) at --jobs ${jobs}, first run`)
    const first = await once(true)
    o.log('resume: the same plan again (every task finished)')
    const again = await once(false)
    const ratio = again.ms / first.ms
    const calls = (t: Timed) => sum(Object.values(t.git))
    const top = (t: Timed) =>
      Object.entries(t.git)
        .sort((a, b) => b[1] - a[1])
        .map(([cmd, k]) => `${cmd} ${k}`)
        .join(', ')
    const body = [
      `A seeded random DAG of ${n} tasks (${dagLevels(dag).length} levels, up to 3 needs each) whose steps write one file each, at`,
      `\`--jobs ${jobs}\`; each run a fresh process. The second run finds the first one's manifest, results and commits.`,
      '',
      table(
        ['run', 'wall', 'ratio', 'steps run', 'git processes', 'commits on the branch'],
        [
          ['first run', `${fmt(first.ms / 1000, 1)} s`, '1.00', first.steps, calls(first), first.commits],
          ['resume of the finished run', `${fmt(again.ms / 1000, 2)} s`, fmt(ratio, 3), again.steps, calls(again), again.commits]
        ]
      ),
      '',
      `Git processes of the resume: ${top(again) || 'none'}.`
    ].join('\n')
    return {
      title: 'Resuming a finished run',
      body,
      headline: `Resume: running a finished ${n}-task plan again takes ${fmt(ratio, 3)}× its first run (${fmt(again.ms / 1000, 2)} s, ${calls(again)} git processes against ${calls(first)}).`,
      brief: `resuming a finished ${n}-task run in ${fmt(ratio, 3)}× its first run`,
      figures: { 'resume / first run': ratio, 'first run ms': first.ms, 'resume ms': again.ms, 'resume git processes': calls(again) },
      checks: [{ name: `resume of a finished ${n}-task run <= ${LIMIT}x its first run`, pass: ratio <= LIMIT, detail: `${fmt(ratio, 3)} (${fmt(again.ms / 1000, 2)} s / ${fmt(first.ms / 1000, 1)} s)` }]
    }
  } finally {
    r.cleanup()
  }
}
