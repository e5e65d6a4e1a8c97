// Shared helpers for the benchmarks: temp git repositories, a seeded random source, timing and statistics.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { stringify } from 'yaml'

/** Fixed identity and dates, so the same files always give the same base commit. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z'
}

/** Runs git synchronously (setup only, never inside a measured section that compares against the engine). */
export function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 })
}

export interface BenchRepo {
  root: string
  /** The checkout plans run in. */
  repo: string
  /** AUTOPILOT_WORK_DIR for runs in this repository. */
  workDir: string
  /** The caller environment of a run: minimal, like a CI job's. */
  env: Record<string, string>
  /** Writes and commits `.ai/plans/<issue>/Autopilot.yaml`; returns its path. */
  writePlan(plan: { issue: number; [k: string]: unknown }): string
  cleanup(): void
}

/** A fresh repository with one commit holding README.md and `files` (name -> text). */
export function makeRepo(files: Record<string, string> = {}): BenchRepo {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'autopilot-bench-')))
  const repo = path.join(root, 'repo')
  const workDir = path.join(root, 'work')
  mkdirSync(repo)
  mkdirSync(workDir)
  git(['init', '--quiet', '--initial-branch=main'], repo)
  for (const [name, text] of Object.entries({ 'README.md': '# bench\n', ...files })) {
    mkdirSync(path.dirname(path.join(repo, name)), { recursive: true })
    writeFileSync(path.join(repo, name), text)
  }
  git(['add', '-A'], repo)
  git(['commit', '--quiet', '-m', 'initial'], repo)
  return {
    root,
    repo,
    workDir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? root, AUTOPILOT_WORK_DIR: workDir },
    writePlan(plan) {
      const file = path.join(repo, '.ai', 'plans', String(plan.issue), 'Autopilot.yaml')
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, stringify({ version: 1, title: `bench plan ${plan.issue}`, ...plan }))
      git(['add', '--', file], repo)
      git(['commit', '--quiet', '-m', `plan ${plan.issue}`], repo)
      return file
    },
    cleanup: () => rmSync(root, { recursive: true, force: true })
  }
}

/**
 * A repository like `makeRepo`'s whose second commit adds `n` files (`manyFiles`), written straight into the object
 * store by one `git fast-import` (no files written, no `git add` of thousands of paths: 50,000 files take about a
 * second). The checkout's index holds them all, marked skip-worktree, so the user's checkout is clean without them
 * on disk: the engine reads commits, not the user's files.
 */
export function makeLargeRepo(n: number): BenchRepo {
  const r = makeRepo()
  const stamp = `${Date.parse(GIT_ENV.GIT_COMMITTER_DATE) / 1000} +0000`
  const parts = [`commit refs/heads/main\ncommitter Bench <bench@example.com> ${stamp}\ndata 11\nmany files\nfrom refs/heads/main^0\n`]
  for (const [name, text] of Object.entries(manyFiles(n))) parts.push(`M 100644 inline ${name}\ndata ${Buffer.byteLength(text)}\n${text}\n`)
  // fast-import grows its heap in small brk(2) steps; where those are slow (this VM: ~0.1 ms each, 50 s for 50,000
  // files) glibc's top pad makes them few.
  const env = { ...process.env, ...GIT_ENV, MALLOC_TOP_PAD_: String(128 * 1024 * 1024) }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: r.repo, env, input: parts.join('') + 'done\n', stdio: ['pipe', 'ignore', 'pipe'] })
  git(['read-tree', 'HEAD'], r.repo)
  execFileSync('git', ['update-index', '-z', '--skip-worktree', '--stdin'], { cwd: r.repo, input: git(['ls-files', '-z', '--', 'src'], r.repo) })
  return r
}

/** Bytes this process has passed to write(2) so far (files, pipes, terminals), from /proc/self/io; NaN elsewhere. */
export function bytesWritten(): number {
  try {
    return Number(/^wchar:\s*(\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN)
  } catch {
    return NaN
  }
}

/** `n` small source-like files spread over folders of 100, as in a mid-sized project. */
export function manyFiles(n: number): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < n; i++) {
    out[`src/m${Math.floor(i / 100)}/file${i}.ts`] = `// file ${i}\nexport const v${i} = ${i}\nexport function f${i}(x: number) {\n  return x + ${i}\n}\n`
  }
  return out
}

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same "random" DAG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Milliseconds taken by `fn`, and its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now()
  const value = await fn()
  return { ms: performance.now() - t, value }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0)
}

/** A number with `digits` decimals, for tables. */
export function fmt(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x)
}

/** A markdown table (also readable as plain text in a terminal). */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map(r => r.map(String))]
  const widths = head.map((_, i) => Math.max(...cells.map(r => (r[i] ?? '').length)))
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(cells[0]), `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n')
}

/** One benchmark's outcome: a markdown section and the figures the summary and acceptance checks use. */
export interface Section {
  title: string
  body: string
  /** One sentence with the headline figures, for bench/PERFORMANCE.md (the README section). */
  headline: string
  /** Headline figures by name (ratios, µs/task, MB/s). */
  figures: Record<string, number>
  /** A few words with the key figure, for the README's line on performance (sections without one are not quoted). */
  brief?: string
  /** Acceptance checks: a name and whether it passed, with the figure that decided it. */
  checks?: Check[]
}

/** One acceptance check: a name and whether it passed, with the figure that decided it. */
export interface Check {
  name: string
  pass: boolean
  detail: string
}

export interface BenchOptions {
  quick: boolean
  /** Progress lines on stderr. */
  log(message: string): void
}
