// The engine against GNU make on the same DAG, and the cost of resuming a finished run (issue 11).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { runLocal } from '../src/run/local-run.js'
import { criticalPathS, dagLevels, randomDag, type Dag } from './dags.js'
import { dagPlan } from './engine-run.js'
import { fmt, makeRepo, table, type BenchOptions, type Section } from './util.js'

/** The DAG as a Makefile: each task a phony target that sleeps as long, after its needs. */
export function makefile(dag: Dag): string {
  const lines = ['.PHONY: all ' + dag.tasks.map(t => t.id).join(' '), `all: ${dag.tasks.map(t => t.id).join(' ')}`]
  for (const t of dag.tasks) lines.push(`${t.id}: ${t.needs.join(' ')}`, `\tsleep ${t.sleepS} && mkdir -p out && echo ${t.id} > out/${t.id}.txt`)
  return lines.join('\n') + '\n'
}

function timeMake(dag: Dag, jobs: number): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'autopilot-make-'))
  try {
    writeFileSync(path.join(dir, 'Makefile'), makefile(dag))
    const t = performance.now()
    execFileSync('make', ['-s', `-j${jobs}`, 'all'], { cwd: dir, stdio: 'ignore' })
    return performance.now() - t
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function engineBench(o: BenchOptions): Promise<Section> {
  const n = o.quick ? 20 : 40
  const dag = randomDag(n, 5, 11, 0.3, 1.2)
  const width = Math.max(...dagLevels(dag).map(l => l.length))
  const cp = criticalPathS(dag).seconds * 1000
  const r = makeRepo()
  try {
    const issue = 910
    r.writePlan(dagPlan(dag, issue))
    const run = async (fresh: boolean) => {
      const t = performance.now()
      const res = await runLocal({ planArg: String(issue), cwd: r.repo, env: r.env, jobs: width, fresh, out: () => {}, isTTY: false })
      if (res.exitCode !== 0) throw new Error(`bench run exited ${res.exitCode}`)
      return performance.now() - t
    }
    o.log(`engine: ${dag.name} at --jobs ${width}`)
    const first = await run(true)
    o.log('engine: resume of the finished run')
    const resume = await run(false)
    o.log(`engine: make -j${width}`)
    const make = timeMake(dag, width)
    const figures = { 'autopilot / make': first / make, 'make / critical path': make / cp, 'resume / first run': resume / first }
    const body = [
      `${dag.name} (seeded), --jobs ${width} = its width; critical path ${fmt(cp / 1000, 1)} s. One run each (the machine is shared: read the ratios).`,
      '',
      table(
        ['what', 'wall', 'ratio'],
        [
          ['GNU make -j (same DAG, same sleeps)', `${fmt(make / 1000, 1)} s`, `${fmt(make / cp)} of the critical path`],
          ['autopilot run (clone, tasks, integration, reports)', `${fmt(first / 1000, 1)} s`, `${fmt(first / make)} of make`],
          ['autopilot run again (resume of the finished run)', `${fmt(resume / 1000, 1)} s`, `${fmt(resume / first)} of the first run`]
        ]
      )
    ].join('\n')
    return {
      title: 'Engine against make, and resume',
      body,
      headline: `autopilot takes ${fmt(first / make)}x GNU make -j on the same ${n}-task DAG; resuming a finished run takes ${fmt(resume / first)}x the first run.`,
      figures,
      checks: [
        { name: 'autopilot / make -j on the same DAG <= 1.15', pass: first / make <= 1.15, detail: fmt(first / make) },
        { name: 'resume of a finished run <= 0.1x the first run', pass: resume / first <= 0.1, detail: fmt(resume / first) }
      ]
    }
  } finally {
    r.cleanup()
  }
}
