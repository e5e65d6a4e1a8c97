// The adversarial corpus (issue #4): loads each plan of __tests__/fixtures/adversarial with its
// `<name>.expect.json`, runs it with the real CLI against a fresh copy of the user's repository,
// and collects everything the assertions look at (manifest, reports, branch, evidence, snapshots).
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, readlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { main } from '../../src/cli.js'
import { parsePlan } from '../../src/plan/load.js'
import { PlanSchema, type Plan } from '../../src/plan/schema.js'
import { parse as parseYaml } from 'yaml'
import type { RunManifest, TaskStatus } from '../../src/state/manifest.js'
import { GIT_ENV, git, prepareRepo, snapshotCheckout, type CheckoutSnapshot } from './adversarial-repo.js'

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
   * The run is refused before any task runs (no manifest): the output must contain this phrase.
   */
  refusal?: string
  /** The whole run (CLI start to exit) takes at most this long: hostile sizes end as a denial or a cap, not a stall. */
  maxSeconds?: number
  /** The user has this branch checked out (created from the base) when the run starts. */
  checkoutBranch?: string
  /**
   * Skip the `secret` check: the plan itself holds the value (a secret-named `env` entry), so it is
   * in the user's repository by the user's own doing.
   */
  secretInPlan?: boolean
  /**
   * A hole the corpus found and that is not closed yet: these checks must still FAIL (so the
   * test turns red the day the hole is closed, and this entry can go), all others must pass.
   */
  knownHole?: { checks: CheckName[]; note: string }
}

/** The properties checked after every run (see adversarial-checks.ts). */
export type CheckName = 'exit' | 'tasks' | 'branch' | 'checkout' | 'marker' | 'network' | 'token' | 'hidden' | 'secret' | 'home'

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
      // A plan the CLI must refuse as invalid is still read for its issue and tasks (schema only).
      const plan = expect.refusal ? PlanSchema.parse(parseYaml(text)) : parsePlan(text, file).plan
      return { name, file, text, plan, expect }
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
  /** Absent when the run was refused before it started. */
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
  /** Every file autopilot wrote under .ai/ (runs and logs), by path. */
  written: Record<string, Buffer>
  /** sha256 of every file of the caller's HOME, before and after. */
  homeBefore: Record<string, string>
  homeAfter: Record<string, string>
}

export interface RunContext {
  /** Template repository to copy. */
  template: string
  /** A fresh folder for this fixture (repository, work dir, marker). */
  dir: string
  loopbackUrl: string
  token: string
  /** The value of AUTOPILOT_TEST_SECRET, which plans hand to steps with `pass-env`. */
  secret: string
  /** A unix socket on the host (`__SOCKET__`); a request reaching it proves a step got out. */
  socket: string
  /** Run the CLI as this unprivileged user (uid = gid), owning the repository and work dir. */
  user?: number
}

/** The plan text with the test's placeholders filled in. */
export function instantiate(text: string, ctx: { loopbackUrl: string; marker: string; repo?: string; socket?: string; home?: string }): string {
  return text
    .replaceAll('__LOOPBACK_URL__', ctx.loopbackUrl)
    .replaceAll('__MARKER__', ctx.marker)
    .replaceAll('__REPO__', ctx.repo ?? '')
    .replaceAll('__SOCKET__', ctx.socket ?? '')
    .replaceAll('__HOME__', ctx.home ?? '')
}

/** A random value shaped like a credential, built at run time. */
export function fakeSecret(): string {
  // `+` and `=` so its URL-encoded form differs from the plain one.
  return `apsec-${randomBytes(12).toString('hex')}+Zq=`
}

/** Runs one fixture end to end and gathers the outcome. */
export async function runFixture(fx: Fixture, ctx: RunContext): Promise<RunOutcome> {
  const repo = path.join(ctx.dir, 'repo')
  const work = path.join(ctx.dir, 'work')
  const home = path.join(ctx.dir, 'home')
  const marker = path.join(ctx.dir, 'MARKER')
  await mkdir(work, { recursive: true })
  await makeCallerHome(home, ctx.secret)
  const issue = fx.plan.issue
  const planText = instantiate(fx.text, { loopbackUrl: ctx.loopbackUrl, marker, repo, socket: ctx.socket, home })
  const base = await prepareRepo(ctx.template, repo, issue, planText)
  if (fx.expect.checkoutBranch) await git(repo, ['checkout', '-q', '-b', fx.expect.checkoutBranch])
  if (ctx.user !== undefined) await exec('chown', ['-R', `${ctx.user}:${ctx.user}`, ctx.dir])
  const branch = fx.plan.branch ?? `autopilot/issue-${issue}`
  const before = await snapshotCheckout(repo, branch)
  const homeBefore = await hashFiles(home)
  const env: NodeJS.ProcessEnv = {
    // The caller's own bin folder first, as on many machines: a step planting ~/.local/bin/git must not win.
    PATH: `${home}/.local/bin:${process.env.PATH}`,
    HOME: home,
    LANG: 'C.UTF-8',
    AUTOPILOT_WORK_DIR: work,
    AUTOPILOT_RETRY_BACKOFF_MS: '10',
    AUTOPILOT_TEST_SECRET: ctx.secret,
    GITHUB_TOKEN: ctx.token,
    ...(fx.expect.sandbox === 'off' ? { AUTOPILOT_SANDBOX: 'off' } : {})
  }
  const started = Date.now()
  const { exitCode, output } =
    fx.expect.subprocess || ctx.user !== undefined ? await runChild(repo, env, issue, ctx.user) : await runInProcess(repo, env, issue)
  const durationMs = Date.now() - started
  const after = await snapshotCheckout(repo, branch)
  const homeAfter = await hashFiles(home)

  const manifestFile = path.join(repo, '.ai', 'runs', String(issue), 'manifest.json')
  const manifest = existsSync(manifestFile) ? (JSON.parse(await readFile(manifestFile, 'utf8')) as RunManifest) : ({ tasks: {} } as unknown as RunManifest)
  const logs = path.join(repo, '.ai', 'logs', 'autopilot')
  const logFiles = existsSync(logs) ? await readdir(logs) : []
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
    logs: existsSync(path.join(repo, '.ai', 'logs')) ? await readAll(path.join(repo, '.ai', 'logs')) : '',
    branchPaths,
    branchBlobs,
    evidence,
    before,
    after,
    markerExists: existsSync(marker),
    durationMs,
    written: await readTree(path.join(repo, '.ai')),
    homeBefore,
    homeAfter
  }
}

/**
 * The caller's HOME: a git config, a shell profile and an SSH key whose content is the test secret
 * (so a step that copies it out is caught by the secret check).
 */
async function makeCallerHome(home: string, secret: string): Promise<void> {
  await mkdir(path.join(home, '.ssh'), { recursive: true })
  await mkdir(path.join(home, '.local', 'bin'), { recursive: true })
  await writeFile(path.join(home, '.gitconfig'), '[user]\n\tname = user\n')
  await writeFile(path.join(home, '.profile'), '# the caller\'s profile\n')
  await writeFile(path.join(home, '.ssh', 'id_ed25519'), `fake key ${secret}\n`, { mode: 0o600 })
}

async function hashFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const [p, b] of Object.entries(await readTree(dir))) out[p] = createHash('sha256').update(b).digest('hex')
  return out
}

/** Every regular file under `dir` (symlinks by their target), keyed by relative path. */
async function readTree(dir: string): Promise<Record<string, Buffer>> {
  if (!existsSync(dir)) return {}
  const out: Record<string, Buffer> = {}
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const abs = path.join(e.parentPath, e.name)
    const rel = path.relative(dir, abs)
    if (e.isFile()) out[rel] = await readFile(abs)
    else if (e.isSymbolicLink()) out[rel] = Buffer.from(`link:${await readlink(abs)}`)
  }
  return out
}

async function runInProcess(cwd: string, env: NodeJS.ProcessEnv, issue: number) {
  const lines: string[] = []
  const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), cwd, env, isTTY: false }
  const exitCode = await main(['run', String(issue)], io)
  return { exitCode, output: lines.join('') }
}

/** The real entry point in a child process, so the caller's token sits in the process environment too. */
async function runChild(cwd: string, env: NodeJS.ProcessEnv, issue: number, user?: number) {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx')
  const cli = [tsx, path.join(ROOT, 'src', 'bin.ts'), 'run', String(issue)]
  // As an unprivileged user: no capabilities, no supplementary groups, its own uid and gid.
  const argv = user === undefined ? cli : ['setpriv', `--reuid=${user}`, `--regid=${user}`, '--clear-groups', '--', ...cli]
  try {
    const r = await exec(argv[0], argv.slice(1), { cwd, env, maxBuffer: 16 * 1024 * 1024 })
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
    const { stdout } = await exec('git', ['cat-file', 'blob', sha], { cwd, env: GIT_ENV, encoding: 'buffer', maxBuffer: 128 * 1024 * 1024 })
    out.push(stdout)
  }
  return out
}
