// `npm run bench [-- --quick] [-- --only name,name]`: runs the benchmarks, each in a fresh process, prints the
// results and the total time. A full run writes bench/RESULTS.md, bench/PERFORMANCE.md, docs/performance.md, the
// README's performance line and bench/out/results.json; --quick writes bench/out/ only; --only writes nothing.
// Exits 1 when an acceptance check misses, 2 when a benchmark breaks (the others still run and print).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { inFreshProcess } from './isolate.js'
import { allChecks, machine, readmeWithFigures, renderPerformance, renderResults } from './report.js'
import { BENCHES } from './sections.js'
import { fmt, type Check, type Section } from './util.js'

/** What a whole run may take on the 2-core machine the figures come from (issue 11). */
const LIMIT_S = { full: 180, quick: 60 }

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
  const broken: string[] = []
  for (const name of names) {
    try {
      sections.push(await inFreshProcess<Section>('sections.js', 'runSection', [name, quick, startedAt]))
    } catch (e) {
      // One broken benchmark must not cost the figures of the others (its error is on stderr above).
      broken.push(name)
      const why = (e as Error).message.split('\n').find(l => /Error:/.test(l) && !/failed in its process/.test(l)) ?? (e as Error).message.split('\n')[0]
      sections.push({ title: `${name} (broken)`, body: `The benchmark failed: ${why}`, headline: `${name}: the benchmark failed`, figures: {}, checks: [{ name: `benchmark ${name} ran`, pass: false, detail: why }] })
    }
  }
  const seconds = (Date.now() - startedAt) / 1000
  const loadAfter = loadavg()
    .map(x => fmt(x, 2))
    .join(' ')
  // The time limit holds for the whole benchmark only.
  const own: Check[] = values.only ? [] : [{ name: `whole \`npm run bench${quick ? ' -- --quick' : ''}\` under ${LIMIT_S[mode]} s`, pass: seconds < LIMIT_S[mode], detail: `${fmt(seconds, 0)} s` }]
  const results = renderResults(sections, m, mode, seconds, loadAfter, own)
  process.stdout.write(`\n${results}`)
  const dir = import.meta.dirname
  const root = path.resolve(dir, '..')
  const written: string[] = []
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
    written.push(file)
  }
  // Machine-readable figures for tracking over time (bench/out/ is not committed).
  const json = { machine: m, mode, seconds, loadAfter, sections: sections.map(s => ({ title: s.title, figures: s.figures, checks: s.checks })), checks: own }
  if (!values.only && quick) {
    write('bench/out/RESULTS-quick.md', results)
    write('bench/out/results-quick.json', JSON.stringify(json, null, 2) + '\n')
  }
  // Only a full run of every benchmark, none broken, publishes figures, all from this one run.
  if (!values.only && !quick && !broken.length) {
    write('bench/RESULTS.md', results)
    write('bench/PERFORMANCE.md', renderPerformance(sections, m, mode, seconds))
    write('docs/performance.md', renderPerformance(sections, m, mode, seconds, '#', '../bench/RESULTS.md'))
    const readme = readmeWithFigures(readFileSync(path.join(root, 'README.md'), 'utf8'), sections, m)
    if (readme === undefined) process.stderr.write('bench: README.md has no `- [docs/performance.md](docs/performance.md): ...` line; not updated\n')
    else write('README.md', readme)
    write('bench/out/results.json', JSON.stringify(json, null, 2) + '\n')
  }
  const missed = allChecks(sections, own).filter(c => !c.pass)
  process.stderr.write(
    `\nbench: ${mode} mode, ${sections.length} benchmark(s) in ${fmt(seconds, 0)} s; load average ${m.load} before, ${loadAfter} after; ` +
      `${missed.length ? `${missed.length} check(s) missed` : 'every check passed'}${written.length ? `; wrote ${written.join(', ')}` : ''}\n`
  )
  return broken.length ? 2 : missed.length ? 1 : 0
}

main().then(
  code => process.exit(code),
  (e: Error) => {
    process.stderr.write(`bench: ${e.stack ?? e.message}\n`)
    process.exit(2)
  }
)
