// Benchmark 4: gate throughput. MB/s of diff through every task gate (paths, protected, escapes, deletes, size,
// secrets with secretlint's recommended preset, silent success), from unified diff text to decisions.
import { parseAddedLines } from '../src/git/changes.js'
import { evaluateTaskGates } from '../src/gates/index.js'
import type { ChangeSet } from '../src/gates/types.js'
import { PlanSchema } from '../src/plan/schema.js'
import { fmt, table, timed, type BenchOptions, type Section } from './util.js'

/** A fake GitHub token, built at run time so no secret-like literal sits in the source. */
const PLANTED = ['ghp', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('_')

/**
 * A unified diff (`-U0`, b/ prefixes) adding `lines` lines of code-like text to each of `files` new files,
 * with one fake token planted in the middle, so the benchmark proves the scan really ran.
 */
export function syntheticDiff(files: number, lines: number): string {
  const out: string[] = []
  const plantAt = [Math.floor(files / 2), Math.floor(lines / 2)]
  for (let f = 0; f < files; f++) {
    const p = `src/feature${f % 20}/module${f}.ts`
    out.push(`diff --git a/${p} b/${p}`, 'new file mode 100644', 'index 0000000..1111111', '--- /dev/null', `+++ b/${p}`, `@@ -0,0 +1,${lines} @@`)
    for (let l = 0; l < lines; l++) {
      if (f === plantAt[0] && l === plantAt[1]) out.push(`+const token = "${PLANTED}"`)
      else out.push(`+export function handler${f}_${l}(input: Request, retries = ${l % 7}): Promise<Response> { return fetchWithRetry(input, { retries, timeoutMs: ${1000 + l} }) }`)
    }
  }
  return out.join('\n') + '\n'
}

function changeSet(diff: string): ChangeSet {
  const added = parseAddedLines(diff)
  return {
    files: [...added].map(([path, addedLines]) => ({
      kind: 'added' as const,
      path,
      newMode: '100644',
      binary: false,
      added: addedLines.length,
      removed: 0,
      size: addedLines.reduce((n, l) => n + l.text.length + 1, 0),
      addedLines
    }))
  }
}

/**
 * Waits until work the gates queued behind their own promise has run: secretlint 11's always-on profiler
 * handles its performance marks in a PerformanceObserver callback, after `evaluateTaskGates` resolves.
 */
const settled = () => new Promise<void>(r => setImmediate(() => setImmediate(r)))

export async function gatesBench(o: BenchOptions): Promise<Section> {
  const plan = PlanSchema.parse({
    version: 1,
    issue: 1,
    title: 'gates',
    gates: { 'allow-paths': ['src/**'], 'max-changed-files': 100000, 'max-changed-lines': 10_000_000, 'max-file-bytes': 100_000_000 },
    tasks: [{ id: 'big', steps: [{ run: 'true' }] }]
  })
  const task = plan.tasks[0]
  // The same 500-file diff twice: the second scan shows the cost growing with what the process scanned before.
  const shapes: [string, number, number][] = [
    ['few large files', 10, 1000],
    ['many small files, 1st', 500, 20],
    ['many small files, 2nd', 500, 20]
  ]
  // Warm up secretlint's rules once (a task's first scan pays their load).
  await evaluateTaskGates({ task, plan, changes: changeSet(syntheticDiff(2, 5)) })
  await settled()
  const rows: { name: string; files: number; mb: number; parseMs: number; returnedMs: number; gatesMs: number; found: boolean }[] = []
  for (const [name, files, lines] of shapes) {
    const diff = syntheticDiff(files, lines)
    const p = await timed(() => changeSet(diff))
    let returnedMs = 0
    const g = await timed(async () => {
      const t = await timed(() => evaluateTaskGates({ task, plan, changes: p.value }))
      returnedMs = t.ms
      await settled()
      return t.value
    })
    // Exactly the planted token denied, every other gate allowed.
    const found = g.value.every(d => d.allowed === (d.gate !== 'secrets')) && g.value.find(d => d.gate === 'secrets')?.findings?.length === 1
    o.log(`gates: ${name} (${files} files, ${fmt(diff.length / 1e6, 1)} MB) in ${fmt(g.ms, 0)} ms (${fmt(returnedMs, 0)} ms until it returned)`)
    rows.push({ name, files, mb: diff.length / 1e6, parseMs: p.ms, returnedMs, gatesMs: g.ms, found })
  }
  const mbps = (mb: number, ms: number) => mb / (ms / 1000)
  const body = [
    'A synthetic diff of new TypeScript files (~140-byte lines), parsed into a change set (`parseAddedLines`) and',
    'run through `evaluateTaskGates`; every added line is scanned by secretlint (one fake token is planted and must be',
    'the only denial). *all gates* runs until the work the gates queued has run too: secretlint 11 records',
    'performance marks for every rule and file and its profiler processes them afterwards; left alone, that cost grows',
    'with every file the process scanned before (secretlint/secretlint#1633), which src/gates/secrets-gate.ts prevents.',
    'The second 500-file diff, scanned by the same process, shows whether it still grows.',
    '',
    table(
      ['diff', 'files', 'size', 'parse', 'gates until returned', 'all gates', 'gates MB/s', 'parse + gates MB/s', 'ms / file', 'planted secret found'],
      rows.map(r => [
        r.name,
        r.files,
        `${fmt(r.mb, 1)} MB`,
        `${fmt(r.parseMs, 0)} ms`,
        `${fmt(r.returnedMs, 0)} ms`,
        `${fmt(r.gatesMs, 0)} ms`,
        fmt(mbps(r.mb, r.gatesMs), 1),
        fmt(mbps(r.mb, r.parseMs + r.gatesMs), 1),
        fmt(r.gatesMs / r.files, 2),
        r.found ? 'yes' : '**no**'
      ])
    )
  ].join('\n')
  const [large, first, second] = rows
  return {
    title: 'Gate throughput',
    body,
    headline:
      `Gates: all gates, secret scanning included, pass ${fmt(mbps(large.mb, large.gatesMs), 0)} MB/s on a few large files and ` +
      `${fmt(mbps(first.mb, first.gatesMs), 1)} MB/s on ${first.files} small ones (${fmt(first.gatesMs / first.files, 2)} ms per file, ` +
      `${fmt(second.gatesMs / second.files, 2)} ms on a second such diff in the same process: ${fmt(second.gatesMs / first.gatesMs)}× the first).`,
    figures: { ...Object.fromEntries(rows.map(r => [`gates MB/s (${r.name})`, mbps(r.mb, r.gatesMs)])), 'second scan / first scan': second.gatesMs / first.gatesMs },
    checks: [{ name: 'planted secret found by the gates', pass: rows.every(r => r.found), detail: rows.map(r => (r.found ? 'yes' : 'no')).join(', ') }]
  }
}
