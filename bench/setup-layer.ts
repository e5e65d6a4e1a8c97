// Benchmark: per-task overhead with the setup layer (issue 13). The same one-task plan with and without a setup
// whose output is a 20,000-file node_modules: the task's recorded time (worktree to removal) with the layer present
// (overlays mounted in the sandbox, nothing copied per task) against the same task without it. Issue 13 asks for
// at most 1.2x.
import { loadavg } from 'node:os'
import { runLocal } from '../src/run/local-run.js'
import { TimingExecutor } from './engine-run.js'
import { fmt, makeRepo, median, table, timed, type BenchOptions, type Section } from './util.js'

const FILES = 20_000
const LIMIT = 1.2

/** A setup step that leaves FILES small files in node_modules (200 packages of 100 files). */
const SETUP = `node -e "
const fs = require('fs')
for (let p = 0; p < ${FILES / 100}; p++) {
  const d = 'node_modules/p' + p
  fs.mkdirSync(d, { recursive: true })
  for (let f = 0; f < 100; f++) fs.writeFileSync(d + '/f' + f + '.js', 'module.exports = ' + f + '\\\\n')
}"`

export async function setupLayerBench(o: BenchOptions): Promise<Section> {
  const reps = o.quick ? 1 : 3
  const repo = makeRepo({ '.gitignore': 'node_modules/\n' })
  try {
    const plain = 81
    const layered = 82
    repo.writePlan({ issue: plain, tasks: [{ id: 'noop', steps: [{ run: 'test ! -e node_modules/p199' }] }] })
    repo.writePlan({ issue: layered, setup: [{ name: 'node_modules', run: SETUP }], tasks: [{ id: 'noop', steps: [{ run: `test -f node_modules/p${FILES / 100 - 1}/f99.js` }] }] })
    const once = async (issue: number) => {
      const r = await runLocal({ planArg: String(issue), cwd: repo.repo, env: repo.env, jobs: 1, fresh: true, out: () => {}, isTTY: false, executor: new TimingExecutor() })
      if (r.exitCode !== 0) throw new Error(`setup layer: the run of plan ${issue} failed (exit ${r.exitCode})`)
      return r.manifest.tasks.noop.durationMs ?? NaN
    }
    o.log(`setup layer: building the ${FILES}-file layer once`)
    const build = await timed(() => once(layered))
    const without: number[] = []
    const withLayer: number[] = []
    const load = [loadavg()[0]]
    o.log(`setup layer: ${reps} x (task without the layer, task with it), alternating`)
    for (let i = 0; i < reps; i++) {
      without.push(await once(plain))
      withLayer.push(await once(layered))
    }
    load.push(loadavg()[0])
    const ratio = median(withLayer) / median(without)
    const body = [
      `A one-task plan (one shell step) with and without a setup that leaves a ${FILES.toLocaleString('en')}-file node_modules; ` +
        `the task's recorded time (worktree to removal); medians of ${reps} alternating runs; ` +
        `1-minute load average ${fmt(load[0], 1)} before, ${fmt(load[1], 1)} after.`,
      '',
      table(
        ['what', 'median', 'ratio'],
        [
          ['task without a setup layer', `${fmt(median(without), 0)} ms`, '1.00'],
          [`task with the ${FILES.toLocaleString('en')}-file layer (overlay in the sandbox)`, `${fmt(median(withLayer), 0)} ms`, fmt(ratio)],
          ['first run: setup builds and keeps the layer (whole run)', `${fmt(build.ms, 0)} ms`, '']
        ]
      )
    ].join('\n')
    return {
      title: 'Per-task overhead with a setup layer',
      body,
      headline: `Setup layer: a task with a ${FILES.toLocaleString('en')}-file node_modules from setup takes ${fmt(ratio)}× the same task without it (limit ${LIMIT}×).`,
      figures: { 'task with layer / without': ratio, 'task without layer ms': median(without), 'task with layer ms': median(withLayer) },
      checks: [{ name: `task with a ${FILES}-file setup layer at most ${LIMIT}x without`, pass: ratio <= LIMIT, detail: fmt(ratio) }]
    }
  } finally {
    repo.cleanup()
  }
}
