// Harness for the local engine: temp repositories with a bare origin, plans, `autopilot` runs (in process or
// as a real process) and byte-level snapshots of the user's checkout.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, expect } from 'vitest'
import { stringify } from 'yaml'
import type { CliIo } from '../../src/cli-io.js'
import { main } from '../../src/cli.js'
import { defaultWorkRoot } from '../../src/run/workspace.js'
import type { RunManifest } from '../../src/state/manifest.js'

export const projectRoot = path.resolve(import.meta.dirname, '../..')

/** Fixed identity and dates for the setup commits, so two repositories made alike have the same base commit. */
const SETUP_ENV = {
  GIT_AUTHOR_NAME: 'Test User',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test User',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z'
}

export interface CliResult {
  code: number
  out: string
  err: string
}

export interface CliProcess {
  child: ChildProcess
  /** Resolves when the process has exited (by itself or killed). */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>
}

export interface LocalRepo {
  /** Temp folder of this test: everything below is removed by `cleanup`. */
  root: string
  /** The user's checkout (a clone of `origin`). */
  repo: string
  /** The bare repository the checkout's `origin` points at. */
  origin: string
  /** `AUTOPILOT_WORK_DIR` of every run: private clones and worktrees go here, not into the system temp dir. */
  workDir: string
  /** A folder outside the repository for side-effect files (counters, pid files). */
  scratch: string
  /** The caller environment of every run: minimal, plus whatever a test adds. */
  env: Record<string, string>
  git(args: string[], cwd?: string): string
  /** Writes `.ai/plans/<issue>/Autopilot.yaml` (from an object or YAML text); commits it unless `commit: false`. */
  writePlan(plan: PlanDoc | string, opts?: { commit?: boolean }): string
  /** The manifest of issue `issue` (`.ai/runs/<issue>/manifest.json`), if written. */
  manifest(issue?: number): RunManifest | undefined
  /** The private work root of issue `issue` (private clone, worktrees, step temp dirs). */
  workRoot(issue: number): string
  /** `autopilot <argv>` in process through `main()`. */
  run(argv: string[], extraEnv?: Record<string, string>): Promise<CliResult>
  /** `autopilot <argv>` as a real Node 24 process (`node --import tsx src/bin.ts`). */
  spawn(argv: string[], extraEnv?: Record<string, string>): CliProcess
  snapshot(): CheckoutSnapshot
  cleanup(): void
}

/** A plan as a plain object (written as YAML). */
export type PlanDoc = { issue: number; [key: string]: unknown }

export function git(args: string[], cwd: string, env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...SETUP_ENV, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * A fresh repository: `origin.git` (bare) and a clone `repo/` with one commit (README.md, and any `files`)
 * pushed to origin. Commits have fixed dates, so calling this twice with the same files gives the same base.
 */
export function makeRepo(opts: { files?: Record<string, string> } = {}): LocalRepo {
  // realpath: git reports the repository root resolved, and the work root is keyed by it.
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'autopilot-run-')))
  const origin = path.join(root, 'origin.git')
  const repo = path.join(root, 'repo')
  const workDir = path.join(root, 'work')
  const scratch = path.join(root, 'scratch')
  mkdirSync(workDir)
  mkdirSync(scratch)
  git(['init', '--quiet', '--bare', '--initial-branch=main', origin], root)
  git(['clone', '--quiet', origin, repo], root)
  git(['config', 'user.name', 'Test User'], repo)
  git(['config', 'user.email', 'test@example.com'], repo)
  git(['checkout', '--quiet', '-B', 'main'], repo)
  const files = { 'README.md': '# demo\n', ...opts.files }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, name)), { recursive: true })
    writeFileSync(path.join(repo, name), text)
  }
  git(['add', '-A'], repo)
  git(['commit', '--quiet', '-m', 'initial'], repo)
  git(['push', '--quiet', '-u', 'origin', 'main'], repo)

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? root,
    AUTOPILOT_WORK_DIR: workDir,
    // Steps may write `scratch` (counters, pid files, markers of what ran): the sandbox shows them nothing
    // else outside their task. Tests that need the scratch folder out of a step's reach unset this.
    AUTOPILOT_SANDBOX_SHARE: scratch,
    // Retries wait 10 ms, not seconds.
    AUTOPILOT_RETRY_BACKOFF_MS: '10'
  }
  let issueOfPlan: number | undefined
  const self: LocalRepo = {
    root,
    repo,
    origin,
    workDir,
    scratch,
    env,
    git: (args, cwd = repo) => git(args, cwd),
    writePlan(plan, o = {}) {
      const text = typeof plan === 'string' ? plan : stringify({ version: 1, title: `plan ${plan.issue}`, ...plan })
      const issue = typeof plan === 'string' ? Number(/^issue:\s*(\d+)/m.exec(plan)?.[1]) : plan.issue
      issueOfPlan = issue
      const file = path.join(repo, '.ai', 'plans', String(issue), 'Autopilot.yaml')
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, text)
      if (o.commit !== false) {
        git(['add', '--', file], repo)
        git(['commit', '--quiet', '-m', `plan for #${issue}`], repo)
      }
      return file
    },
    manifest(issue = issueOfPlan!) {
      const file = path.join(repo, '.ai', 'runs', String(issue), 'manifest.json')
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunManifest) : undefined
    },
    workRoot: (issue) => defaultWorkRoot(repo, issue, env),
    run: (argv, extraEnv = {}) => runCli(argv, repo, { ...env, ...extraEnv }),
    spawn: (argv, extraEnv = {}) => spawnCli(argv, repo, { ...env, ...extraEnv }),
    snapshot: () => snapshotCheckout(repo, origin),
    cleanup: () => rmSync(root, { recursive: true, force: true })
  }
  return self
}

/** `autopilot <argv>` in process; output collected the way src/bin.ts writes it (one line per call). */
export async function runCli(argv: string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  const out: string[] = []
  const err: string[] = []
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`)
  const io: CliIo = { out: (t) => out.push(line(t)), err: (t) => err.push(line(t)), cwd, env: { ...env }, isTTY: false }
  const code = await main(argv, io)
  return { code, out: out.join(''), err: err.join('') }
}

/** Runs `autopilot <argv>` in process and asserts the user's checkout is byte-identical afterwards. */
export async function runUntouched(r: LocalRepo, argv: string[], extraEnv?: Record<string, string>): Promise<CliResult> {
  const before = r.snapshot()
  const result = await r.run(argv, extraEnv)
  expect(r.snapshot(), `autopilot ${argv.join(' ')} changed the user's checkout`).toEqual(before)
  return result
}

/** Node 24 from node_modules/.bin when installed (what the action runs on), else the current one. */
const nodeBin = existsSync(path.join(projectRoot, 'node_modules/.bin/node')) ? path.join(projectRoot, 'node_modules/.bin/node') : process.execPath
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** `autopilot <argv>` as a real process in `cwd`, with exactly `env`. */
export function spawnCli(argv: string[], cwd: string, env: Record<string, string>): CliProcess {
  const child = spawn(nodeBin, ['--import', tsxLoader, path.join(projectRoot, 'src/bin.ts'), ...argv], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')))
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')))
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, out, err }))
  )
  return { child, done }
}

/** Everything about the user's checkout that autopilot promises not to touch. */
export interface CheckoutSnapshot {
  head: string
  headCommit: string
  /** `git status --porcelain --ignored`, without autopilot's documented state folders. */
  status: string[]
  indexSha256: string
  configSha256: string
  /** sha256 (and mode) of every file outside .git, .ai/runs and .ai/logs. */
  files: Record<string, string>
  worktrees: string
  /** Every ref and its target, except autopilot's own branches `refs/heads/autopilot/*`. */
  refs: string[]
  /** The origin's refs: nothing is pushed. */
  originRefs: string[]
}

const STATE_DIRS = ['.ai/runs/', '.ai/logs/']
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

export function snapshotCheckout(repo: string, origin?: string): CheckoutSnapshot {
  const dotGit = path.join(repo, '.git')
  // Read before `git status`, and status without optional locks, so the snapshot does not refresh the index.
  const indexSha256 = existsSync(path.join(dotGit, 'index')) ? sha256(readFileSync(path.join(dotGit, 'index'))) : ''
  const status = git(['--no-optional-locks', 'status', '--porcelain=v1', '--ignored', '--untracked-files=all'], repo)
    .split('\n')
    .filter((l) => l && !STATE_DIRS.some((d) => l.slice(3).startsWith(d)))
  const refs = (r: string) =>
    git(['for-each-ref', '--format=%(refname) %(objectname) %(symref)'], r)
      .split('\n')
      .filter(Boolean)
  return {
    head: readFileSync(path.join(dotGit, 'HEAD'), 'utf8'),
    headCommit: git(['rev-parse', 'HEAD'], repo).trim(),
    status,
    indexSha256,
    configSha256: sha256(readFileSync(path.join(dotGit, 'config'))),
    files: hashTree(repo),
    worktrees: git(['worktree', 'list', '--porcelain'], repo),
    refs: refs(repo).filter((l) => !l.startsWith('refs/heads/autopilot/')),
    originRefs: origin ? refs(origin) : []
  }
}

function hashTree(repo: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(repo, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name
      if (r === '.git' || STATE_DIRS.includes(`${r}/`)) continue
      const abs = path.join(repo, r)
      const st = lstatSync(abs)
      if (st.isDirectory()) walk(r)
      else if (st.isSymbolicLink()) out[r] = `link ${readlinkSync(abs)}`
      else out[r] = `${(st.mode & 0o777).toString(8)} ${sha256(readFileSync(abs))}`
    }
  }
  walk('')
  return out
}

/** Polls `check` every 25 ms until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const v = check()
    if (v) return v
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/**
 * Whether process `pid` still runs. A zombie counts as gone: on this kind of machine PID 1 does not reap
 * orphans, so a killed grandchild can linger as a zombie that `kill(pid, 0)` still finds.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state !== 'Z' && state !== 'X'
  } catch {
    return false
  }
}

/**
 * Host pids of the live processes of a plan's steps (optionally one task's), found by the AUTOPILOT_* variables
 * every step inherits. Steps may run in their own PID namespace, where `$$` means something else.
 */
export function stepProcesses(issue: number, task?: string): number[] {
  const out: number[] = []
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) continue
    let env: string[]
    try {
      env = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0')
    } catch {
      continue
    }
    if (env.includes('AUTOPILOT=1') && env.includes(`AUTOPILOT_ISSUE=${issue}`) && (!task || env.includes(`AUTOPILOT_TASK=${task}`)) && isRunning(pid)) {
      out.push(pid)
    }
  }
  return out
}

/** SIGKILL, never to a pid that would mean "every process" or a whole foreign group. */
export function killPid(pid: number): void {
  if (pid > 1 && isRunning(pid)) process.kill(pid, 'SIGKILL')
}

/** `repo()` makes a repository for the current test; after each test all are removed and `strays` killed. */
export function reposPerTest(): { repo: (opts?: { files?: Record<string, string> }) => LocalRepo; strays: number[] } {
  const made: LocalRepo[] = []
  const strays: number[] = []
  afterEach(() => {
    for (const pid of strays.splice(0)) killPid(pid)
    for (const r of made.splice(0)) r.cleanup()
  })
  return {
    repo: opts => {
      const r = makeRepo(opts)
      made.push(r)
      return r
    },
    strays
  }
}

/** Every file below `dir` (recursively), as paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort()
}

/** The files of `.ai/logs/autopilot/` whose name starts with `prefix` (status-, summary-, FAILED-). */
export function reportFiles(repo: string, prefix: string): string[] {
  const dir = path.join(repo, '.ai', 'logs', 'autopilot')
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix)).sort().map((f) => path.join(dir, f)) : []
}

/** Lines of a counter file (one per run of the step that appends to it); 0 when missing. */
export function countLines(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0
}

/** Subjects of the commits on `branch` after `base`, oldest first. */
export function subjects(repo: string, base: string, branch: string): string[] {
  return git(['log', '--reverse', '--format=%s', `${base}..${branch}`], repo).split('\n').filter(Boolean)
}
