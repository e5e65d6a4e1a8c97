// Renders the benchmark results: bench/RESULTS.md (everything) and bench/PERFORMANCE.md (the README section).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fmt, table, type Check, type Section } from './util.js'

export interface Machine {
  cpus: number
  cpuModel: string
  node: string
  git: string
  date: string
  load: string
}

/** This machine, as the results should name it. */
export function machine(): Machine {
  let cpuModel = 'unknown CPU'
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel
  } catch {
    // not Linux: keep "unknown"
  }
  let git = 'git ?'
  try {
    git = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    // reported as unknown
  }
  return {
    cpus: availableParallelism(),
    cpuModel,
    node: process.version,
    git,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    load: loadavg().map(x => fmt(x, 2)).join(' ')
  }
}

const describe = (m: Machine) => `${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${m.git}`

/** The acceptance checks of every section, then the run's own (its total time). */
export function allChecks(sections: Section[], own: Check[]): Check[] {
  return [...sections.flatMap(s => s.checks ?? []), ...own]
}

export function renderResults(sections: Section[], m: Machine, mode: string, seconds: number, loadAfter: string, own: Check[] = []): string {
  const checks = allChecks(sections, own).map(c => [c.pass ? 'pass' : '**MISS**', c.name, c.detail])
  return [
    '# Benchmarks',
    '',
    `Measured ${m.date} on ${describe(m)}; \`npm run bench${mode === 'quick' ? ' -- --quick' : ''}\` (${mode} mode) took ${fmt(seconds, 0)} s.`,
    `Load average before: ${m.load}; after: ${loadAfter}. Absolute times drift on shared machines: read the ratios.`,
    '',
    '## Acceptance',
    '',
    table(['result', 'check', 'measured'], checks),
    '',
    ...sections.flatMap(s => [`## ${s.title}`, '', s.body, '']),
    'Reproduce: `npm run bench` (full) or `npm run bench -- --quick` (fewer and smaller runs; its own time is one of its checks).',
    ''
  ].join('\n')
}

/**
 * The figures in prose: bench/PERFORMANCE.md (`heading` '##', `results` 'RESULTS.md') and docs/performance.md,
 * which the README links (`heading` '#', `results` '../bench/RESULTS.md').
 */
export function renderPerformance(sections: Section[], m: Machine, mode: string, seconds: number, heading = '##', results = 'RESULTS.md'): string {
  return [
    `${heading} Performance`,
    '',
    `Measured by \`npm run bench${mode === 'quick' ? ' -- --quick' : ''}\` on ${describe(m)}, ${m.date} (load average ${m.load} at the start);`,
    'ratios are taken within one run, because absolute times drift on shared machines. Details and the per-process',
    `breakdown: [\`bench/RESULTS.md\`](${results}).`,
    '',
    ...sections.map(s => `- ${s.headline}`),
    '',
    `Reproduce with \`npm run bench\` (this run took ${fmt(seconds, 0)} s; the limit is three minutes) or \`npm run bench -- --quick\` (fewer and smaller runs; the limit is one minute, and its own time is one of its checks).`,
    ''
  ].join('\n')
}

/** The README's line linking docs/performance.md, rewritten to quote this run's figures and date. */
const README_LINE = /^- \[docs\/performance\.md\]\(docs\/performance\.md\):.*$/m

/** `readme` with its performance line quoting `sections`' briefs; undefined when the README has no such line. */
export function readmeWithFigures(readme: string, sections: Section[], m: Machine): string | undefined {
  if (!README_LINE.test(readme)) return undefined
  const briefs = sections.map(s => s.brief).filter((b): b is string => Boolean(b))
  const line = `- [docs/performance.md](docs/performance.md): measured ${m.date.slice(0, 10)} on ${m.cpus} CPUs by \`npm run bench\`: ${briefs.join('; ')}.`
  return readme.replace(README_LINE, line)
}
