// Benchmark 3: plan scaling. Validation (`parsePlan`: YAML, schema, semantic checks, overlaps) plus levels for
// 100, 1,000 and 10,000 tasks; the time per task should stay flat.
import { stringify } from 'yaml'
import { parsePlan } from '../src/plan/load.js'
import { buildGraph, levels } from '../src/graph/graph.js'
import { fmt, median, rng, table, timed, type BenchOptions, type Section } from './util.js'

/** A plan of `n` tasks: each needs up to two of the 50 before it, writes its own folder, runs one step. */
export function planText(n: number): string {
  const r = rng(n)
  const tasks = Array.from({ length: n }, (_, i) => {
    const needs = new Set<string>()
    for (let k = i === 0 ? 0 : 1 + Math.floor(r() * 2); k > 0; k--) needs.add(`task-${Math.max(0, i - 1 - Math.floor(r() * 50))}`)
    return {
      id: `task-${i}`,
      name: `Task ${i}`,
      ...(needs.size ? { needs: [...needs] } : {}),
      paths: [`pkg/p${i}/**`],
      steps: [{ run: `make -C pkg/p${i}` }]
    }
  })
  return stringify({ version: 1, issue: 1, title: `plan of ${n} tasks`, gates: { 'allow-paths': ['pkg/**'] }, tasks })
}

export async function planScalingBench(o: BenchOptions): Promise<Section> {
  const sizes = [100, 1000, 10000]
  const texts = new Map(sizes.map(n => [n, planText(n)]))
  // Warm up the JIT and the schema once, as a long-lived process would be.
  parsePlan(texts.get(100)!, 'warmup.yaml')
  const rows: { n: number; ms: number; bytes: number; levels: number }[] = []
  for (const n of sizes) {
    const reps = n >= 10000 ? (o.quick ? 1 : 3) : o.quick ? 3 : 7
    const times: number[] = []
    let depth = 0
    for (let i = 0; i < reps; i++) {
      const t = await timed(() => levels(buildGraph(parsePlan(texts.get(n)!, 'Autopilot.yaml').plan.tasks)))
      times.push(t.ms)
      depth = t.value.length
    }
    o.log(`plan scaling: ${n} tasks in ${fmt(median(times), 0)} ms`)
    rows.push({ n, ms: median(times), bytes: texts.get(n)!.length, levels: depth })
  }
  const big = rows[rows.length - 1]
  const flat = big.ms / big.n / (rows[0].ms / rows[0].n)
  const body = [
    'Plan text parsed and validated (`parsePlan`: YAML with positions, zod schema, ids, needs, cycles, same-level',
    '`paths` overlaps), then `buildGraph` + `levels`. Median of several runs after one warm-up.',
    '',
    table(
      ['tasks', 'plan size', 'levels', 'validate + levels', 'µs / task'],
      rows.map(r => [r.n.toLocaleString('en'), `${fmt(r.bytes / 1024, 0)} KiB`, r.levels, `${fmt(r.ms, 0)} ms`, fmt((r.ms * 1000) / r.n, 0)])
    ),
    '',
    `µs/task at 10,000 over µs/task at 100: ${fmt(flat)} (1.00 = perfectly flat).`
  ].join('\n')
  return {
    title: 'Plan scaling',
    body,
    headline:
      `Plan scaling: validating a plan and computing its levels takes ${rows.map(r => `${fmt(r.ms, 0)} ms for ${r.n.toLocaleString('en')}`).join(', ')} ` +
      `tasks (${rows.map(r => fmt((r.ms * 1000) / r.n, 0)).join(' / ')} µs per task).`,
    brief: `validating ${big.n.toLocaleString('en')} tasks in ${fmt(big.ms, 0)} ms`,
    figures: Object.fromEntries([...rows.map(r => [`µs/task @${r.n}`, (r.ms * 1000) / r.n]), ['10k / 100 µs-per-task', flat]]),
    checks: [{ name: '10,000-task validation under 1 s', pass: big.ms < 1000, detail: `${fmt(big.ms, 0)} ms` }]
  }
}
