// The adversarial corpus (issue #4): loads each plan of __tests__/fixtures/adversarial with its
// `<name>.expect.json`, runs it with the real CLI against a fresh copy of the user's repository,
// and collects everything the assertions look at (manifest, reports, branch, evidence, snapshots).
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { main } from '../../src/cli.js'
import { parsePlan } from '../../src/plan/load.js'
import type { Plan } from '../../src/plan/schema.js'
import type { RunManifest, TaskStatus } from '../../src/state/manifest.js'
import { git, prepareRepo, snapshotCheckout, type CheckoutSnapshot } from './adversarial-repo.js'

const exec = promisify(execFile)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const FIXTURES = path.join(ROOT, '__tests__', 'fixtures', 'adversarial')

/** What must be true of one task after the run. */
export interface TaskExpectation {
  status: TaskStatus
  /**
   * Gates that must deny it (for `denied`): a phrase of the gate's reason (checked in the manifest,
   * summary-*.md and FAILED-*.log) and optionally of one finding (manifest and FAILED-*.log).
   */
  gates?: { gate: string; phrase: string; finding?: string }[]
  /** A phrase of the first line of the task's reason (`failed`, `blocked`, `cancelled`): manifest, summary, FAILED log. */
  phrase?: string
  /** A phrase anywhere in the reason (the step's output tail): manifest and FAILED log. */
  detail?: string
}

/** `<name>.expect.json`: the verdict a plan must get. */
export interface FixtureExpectation {
  exitCode: number
  tasks: Record<string, TaskExpectation>
  /** Exactly the paths the delivered branch changes (default: none, the branch may not exist). */
  onBranch?: string[]
  /** The marker file (`__MARKER__` in the plan) must never be created: no planted hook or filter ran. */
  marker?: boolean
  /** The loopback server (`__LOOPBACK_URL__`) must see no request. */
  network?: boolean
  /** Run the CLI as a child process whose own environment holds a fake GITHUB_TOKEN. */
  subprocess?: boolean
  /**
   * `off`: run without the step sandbox (AUTOPILOT_SANDBOX=off), to test the defences that must hold where
   * the platform has none (git hardening, gates on content); the sandbox would stop these steps earlier.
   */
  sandbox?: 'off'
  /** The circuit breaker that must have stopped the run. */
  breaker?: string
  /** Pieces of a secret the step assembles: joined, they must appear in no report. */
  hiddenPieces?: string[]
  /**
   * A hole the corpus found and that is not closed yet: these checks must still FAIL (so the
   * test turns red the day the hole is closed, and this entry can go), all others must pass.
   */
  knownHole?: { checks: CheckName[]; note: string }
}

/** The properties checked after every run (see adversarial-checks.ts). */
export type CheckName = 'exit' | 'tasks' | 'branch' | 'checkout' | 'marker' | 'network' | 'token' | 'hidden'

export interface Fixture {
  name: string
  file: string
  text: string
  plan: Plan
  expect: FixtureExpectation
}

/** Every plan of the corpus, parsed and validated, with its expectation. */
export async function loadFixtures(): Promise<Fixture[]> {
  const names = (await readdir(FIXTURES)).filter((f) => f.endsWith('.yaml')).sort()
  return await Promise.all(
    names.map(async (file) => {
      const name = file.replace(/\.yaml$/, '')
      const text = await readFile(path.join(FIXTURES, file), 'utf8')
      const expect = JSON.parse(await readFile(path.join(FIXTURES, `${name}.expect.json`), 'utf8')) as FixtureExpectation
      return { name, file, text, plan: parsePlan(text, file).plan, expect }
    })
  )
}

/** A fake GitHub token, built at run time so no token-shaped literal is stored in the repository. */
export function fakeToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const body = [...randomBytes(36)].map((b) => alphabet[b % alphabet.length]).join('')
  return ['gh', 'p_', body].join('')
}

/** Everything a run left behind that the assertions read. */
export interface RunOutcome {
  exitCode: number
  output: string
  manifest: RunManifest
  summary: string
  failedLog: string
  /** Every file under .ai/logs, concatenated (reports, status log, task and step logs). */
  logs: string
  /** Paths the delivered branch changes against the base (both sides of renames). */
  branchPaths: string[]
  /** Content of every file on the branch (empty when there is no branch). */
  branchBlobs: Buffer[]
  /** Paths each task's evidence patch touches. */
  evidence: Record<string, string[]>
  before: CheckoutSnapshot
  after: CheckoutSnapshot
  markerExists: boolean
  durationMs: number
}

export interface RunContext {
  /** Template repository to copy. */
  template: string
  /** A fresh folder for this fixture (repository, work dir, marker). */
  dir: string
  loopbackUrl: string
  token: string
}

/** The plan text with the test's placeholders filled in. */
export function instantiate(text: string, ctx: { loopbackUrl: string; marker: string }): string {
  return text.replaceAll('__LOOPBACK_URL__', ctx.loopbackUrl).replaceAll('__MARKER__', ctx.marker)
}

/** Runs one fixture end to end and gathers the outcome. */
export async function runFixture(fx: Fixture, ctx: RunContext): Promise<RunOutcome> {
  const repo = path.join(ctx.dir, 'repo')
  const work = path.join(ctx.dir, 'work')
  const marker = path.join(ctx.dir, 'MARKER')
  await mkdir(work, { recursive: true })
  const issue = fx.plan.issue
  const base = await prepareRepo(ctx.template, repo, issue, instantiate(fx.text, { loopbackUrl: ctx.loopbackUrl, marker }))
  const branch = `autopilot/issue-${issue}`
  const before = await snapshotCheckout(repo, branch)
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    AUTOPILOT_WORK_DIR: work,
    AUTOPILOT_RETRY_BACKOFF_MS: '10',
    GITHUB_TOKEN: ctx.token,
    ...(fx.expect.sandbox === 'off' ? { AUTOPILOT_SANDBOX: 'off' } : {})
  }
  const started = Date.now()
  const { exitCode, output } = fx.expect.subprocess
    ? await runChild(repo, env, issue)
    : await runInProcess(repo, env, issue)
  const durationMs = Date.now() - started
  const after = await snapshotCheckout(repo, branch)

  const manifest = JSON.parse(await readFile(path.join(repo, '.ai', 'runs', String(issue), 'manifest.json'), 'utf8')) as RunManifest
  const logs = path.join(repo, '.ai', 'logs', 'autopilot')
  const logFiles = await readdir(logs)
  const read = async (prefix: string) => {
    const f = logFiles.find((n) => n.startsWith(prefix))
    return f ? await readFile(path.join(logs, f), 'utf8') : ''
  }
  const evidence: Record<string, string[]> = {}
  for (const id of Object.keys(manifest.tasks)) {
    const patch = path.join(repo, '.ai', 'runs', String(issue), 'tasks', id, 'patch.diff')
    evidence[id] = existsSync(patch) ? await patchPaths(repo, patch) : []
  }
  const branchExists = await git(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).then(() => true, () => false)
  const branchPaths = branchExists ? splitZ(await git(repo, ['diff', '-z', '--name-only', '--no-renames', base, `refs/heads/${branch}`])) : []
  const branchBlobs = branchExists ? await blobsOf(repo, `refs/heads/${branch}`) : []
  return {
    exitCode,
    output,
    manifest,
    summary: await read('summary-'),
    failedLog: await read('FAILED-'),
    logs: await readAll(path.join(repo, '.ai', 'logs')),
    branchPaths,
    branchBlobs,
    evidence,
    before,
    after,
    markerExists: existsSync(marker),
    durationMs
  }
}

async function runInProcess(cwd: string, env: NodeJS.ProcessEnv, issue: number) {
  const lines: string[] = []
  const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), cwd, env, isTTY: false }
  const exitCode = await main(['run', String(issue)], io)
  return { exitCode, output: lines.join('') }
}

/** The real entry point in a child process, so the caller's token sits in the process environment too. */
async function runChild(cwd: string, env: NodeJS.ProcessEnv, issue: number) {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx')
  try {
    const r = await exec(tsx, [path.join(ROOT, 'src', 'bin.ts'), 'run', String(issue)], { cwd, env, maxBuffer: 16 * 1024 * 1024 })
    return { exitCode: 0, output: r.stdout + r.stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return { exitCode: typeof err.code === 'number' ? err.code : -1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` }
  }
}

async function readAll(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n')
}

function splitZ(text: string): string[] {
  return text.split('\0').filter(Boolean)
}

/** Paths a stored patch touches, parsed by git itself (`-z`, so odd names come back exactly). */
async function patchPaths(cwd: string, patch: string): Promise<string[]> {
  if ((await readFile(patch)).length === 0) return []
  const out = await git(cwd, ['apply', '--numstat', '-z', '--allow-empty', patch])
  // Records: "<a>\t<r>\t<path>\0", or "<a>\t<r>\t\0<old>\0<new>\0" for renames.
  return splitZ(out).map((t) => t.replace(/^(-|\d+)\t(-|\d+)\t/, '')).filter(Boolean)
}

async function blobsOf(cwd: string, ref: string): Promise<Buffer[]> {
  const list = splitZ(await git(cwd, ['ls-tree', '-r', '-z', ref]))
  const out: Buffer[] = []
  for (const entry of list) {
    const [meta] = entry.split('\t')
    const [, type, sha] = meta.split(' ')
    if (type !== 'blob') continue
    const { stdout } = await exec('git', ['cat-file', 'blob', sha], { cwd, encoding: 'buffer', maxBuffer: 128 * 1024 * 1024 })
    out.push(stdout)
  }
  return out
}
