// `npm run bench [-- --quick] [-- --only name,name]`: runs the benchmarks, each in a fresh process, prints the
// results and writes bench/RESULTS.md, bench/PERFORMANCE.md and bench/out/results.json. Exits 1 when an
// acceptance check misses, 2 when a benchmark breaks.
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { inFreshProcess } from './isolate.js'
import { machine, renderPerformance, renderResults } from './report.js'
import { BENCHES } from './sections.js'
import { fmt, type Section } from './util.js'

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help) {
    process.stdout.write(`Usage: npm run bench [-- --quick] [-- --only ${Object.keys(BENCHES).join(',')}]\n`)
    return 0
  }
  const names = values.only ? values.only.split(',') : Object.keys(BENCHES)
  const unknown = names.filter(n => !(n in BENCHES))
  if (unknown.length) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`)
  const quick = values.quick === true
  const mode = quick ? 'quick' : 'full'
  const m = machine()
  const startedAt = Date.now()
  const sections: Section[] = []
  for (const name of names) sections.push(await inFreshProcess<Section>('sections.js', 'runSection', [name, quick, startedAt]))
  const seconds = (Date.now() - startedAt) / 1000
  const results = renderResults(sections, m, mode, seconds, loadavg().map(x => fmt(x, 2)).join(' '))
  process.stdout.write(`\n${results}`)
  // A partial run (--only) prints but does not overwrite the published results.
  if (!values.only) {
    const dir = import.meta.dirname
    writeFileSync(path.join(dir, 'RESULTS.md'), results)
    writeFileSync(path.join(dir, 'PERFORMANCE.md'), renderPerformance(sections, m, mode))
    // Machine-readable figures for tracking over time (bench/out/ is not committed).
    mkdirSync(path.join(dir, 'out'), { recursive: true })
    const json = { machine: m, mode, seconds, sections: sections.map(s => ({ title: s.title, figures: s.figures, checks: s.checks })) }
    writeFileSync(path.join(dir, 'out', 'results.json'), JSON.stringify(json, null, 2) + '\n')
    process.stderr.write('wrote bench/RESULTS.md, bench/PERFORMANCE.md and bench/out/results.json\n')
  }
  return sections.some(s => s.checks?.some(c => !c.pass)) ? 1 : 0
}

main().then(
  code => process.exit(code),
  (e: Error) => {
    process.stderr.write(`bench: ${e.stack ?? e.message}\n`)
    process.exit(2)
  }
)
