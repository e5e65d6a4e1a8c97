// The user's repository for the adversarial corpus: a template built once (real git, a bare origin),
// copied per plan with `cp -a`, and a snapshot of everything a run must leave untouched.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, readlink, lstat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)

/** Git with a fixed identity and no system config, so the machine's settings cannot change the outcome. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'user',
  GIT_AUTHOR_EMAIL: 'user@example.com',
  GIT_COMMITTER_NAME: 'user',
  GIT_COMMITTER_EMAIL: 'user@example.com',
  // The corpus also runs as an unprivileged user who owns the repository; the test (root) reads it.
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'safe.directory',
  GIT_CONFIG_VALUE_0: '*'
}

/** Runs git in `cwd`; resolves stdout as text, rejects on failure. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

/** The files of the user's repository before any plan exists. */
const FILES: Record<string, string> = {
  'README.md': '# demo\n\nA small project for the adversarial corpus.\n',
  'src/app.ts': 'export const app = 1\n',
  'src/util.ts': 'export function add(a: number, b: number): number {\n  return a + b\n}\n',
  'docs/guide.md': '# Guide\n',
  'scripts/build.sh': 'echo build\n',
  'config/app.json': '{ "name": "demo" }\n',
  '.github/workflows/ci.yml': 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
  'package.json': '{\n  "name": "demo",\n  "version": "1.0.0",\n  "scripts": { "test": "true" }\n}\n',
  'package-lock.json': '{\n  "name": "demo",\n  "lockfileVersion": 3\n}\n'
}

/** Builds the template checkout at `dir` (with a bare `origin` beside it) and returns its path. */
export async function makeTemplate(root: string): Promise<string> {
  const dir = path.join(root, 'template')
  const origin = path.join(root, 'origin.git')
  await mkdir(dir, { recursive: true })
  await git(dir, ['init', '-q', '-b', 'main'])
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), text)
  }
  // A hook of the user's own: it must still be there, byte for byte, after every run.
  await writeFile(path.join(dir, '.git/hooks/pre-commit'), '#!/bin/sh\n# the user\'s own hook\nexit 0\n', { mode: 0o755 })
  await git(dir, ['add', '-A'])
  await git(dir, ['commit', '-q', '-m', 'base'])
  await git(root, ['init', '-q', '--bare', origin])
  await git(dir, ['remote', 'add', 'origin', origin])
  await git(dir, ['push', '-q', 'origin', 'main'])
  return dir
}

/** A copy of the template at `dir` with `planText` committed as `.ai/plans/<issue>/Autopilot.yaml`. */
export async function prepareRepo(template: string, dir: string, issue: number, planText: string): Promise<string> {
  await exec('cp', ['-a', template, dir])
  const plan = path.join(dir, '.ai', 'plans', String(issue), 'Autopilot.yaml')
  await mkdir(path.dirname(plan), { recursive: true })
  await writeFile(plan, planText)
  await git(dir, ['add', '-A'])
  await git(dir, ['commit', '-q', '-m', `plan for #${issue}`])
  // Refresh the index's stat data once, so later read-only snapshots see a settled index.
  await git(dir, ['status', '--porcelain'])
  return (await git(dir, ['rev-parse', 'HEAD'])).trim()
}

/** Everything of the user's checkout a run must not change. */
export interface CheckoutSnapshot {
  head: string
  symbolicHead: string
  indexSha: string
  /** sha256 of every file (symlink: its target) outside .git, .ai/runs and .ai/logs. */
  files: Record<string, string>
  status: string
  worktrees: string
  hooks: Record<string, string>
  config: string
  /** Every ref except the branch autopilot delivers. */
  refs: string
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

async function hashTree(root: string, rel: string, skip: (rel: string) => boolean, out: Record<string, string>): Promise<void> {
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${entry.name}` : entry.name
    if (skip(p)) continue
    const abs = path.join(root, p)
    if (entry.isDirectory()) await hashTree(root, p, skip, out)
    else if (entry.isSymbolicLink()) out[p] = `link:${await readlink(abs)}`
    else out[p] = `${(await lstat(abs)).mode.toString(8)}:${sha(await readFile(abs))}`
  }
}

/** Snapshots the checkout at `dir` without writing anything (no index refresh). */
export async function snapshotCheckout(dir: string, branch: string): Promise<CheckoutSnapshot> {
  const files: Record<string, string> = {}
  await hashTree(dir, '', (p) => p === '.git' || p === '.ai/runs' || p === '.ai/logs', files)
  const hooks: Record<string, string> = {}
  await hashTree(path.join(dir, '.git', 'hooks'), '', () => false, hooks)
  const refs = (await git(dir, ['for-each-ref', '--format=%(refname) %(objectname)']))
    .split('\n')
    .filter((l) => l && !l.startsWith(`refs/heads/${branch} `))
    .join('\n')
  return {
    head: (await git(dir, ['rev-parse', 'HEAD'])).trim(),
    symbolicHead: (await git(dir, ['symbolic-ref', '-q', 'HEAD'])).trim(),
    indexSha: sha(await readFile(path.join(dir, '.git', 'index'))),
    files,
    status: await git(dir, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all']),
    worktrees: await git(dir, ['worktree', 'list', '--porcelain']),
    hooks,
    config: await readFile(path.join(dir, '.git', 'config'), 'utf8'),
    refs
  }
}
