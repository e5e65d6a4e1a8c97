// Renders the benchmark results: bench/RESULTS.md (everything) and bench/PERFORMANCE.md (the README section).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fmt, table, type Section } from './util.js'

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

export function renderResults(sections: Section[], m: Machine, mode: string, seconds: number, loadAfter: string): string {
  const checks = sections.flatMap(s => (s.checks ?? []).map(c => [c.pass ? 'pass' : '**MISS**', c.name, c.detail]))
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
    'Reproduce: `npm run bench` (full) or `npm run bench -- --quick` (under a minute).',
    ''
  ].join('\n')
}

export function renderPerformance(sections: Section[], m: Machine, mode: string): string {
  return [
    '## Performance',
    '',
    `Measured by \`npm run bench${mode === 'quick' ? ' -- --quick' : ''}\` on ${describe(m)}, ${m.date}; ratios are taken within one run,`,
    'because absolute times drift on shared machines. Details and the per-process breakdown: `bench/RESULTS.md`.',
    '',
    ...sections.map(s => `- ${s.headline}`),
    '',
    'Reproduce with `npm run bench` (about two minutes) or `npm run bench -- --quick` (under a minute).',
    ''
  ].join('\n')
}
