/**
 * The one git wrapper: every git command autopilot runs goes through here,
 * with hooks and fsmonitor disabled so that nothing a task wrote into a
 * repository's config or hooks can run in autopilot's own process.
 */
import { AutopilotError } from '../errors.js'
import type { CommandExecutor } from '../run/executor.js'
import type { GitRunner } from './changes.js'

/** Who autopilot's commits are by. */
export const AUTOPILOT_IDENT = { name: 'autopilot', email: 'autopilot@users.noreply.github.com' }

const SAFE_CONFIG = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off']

/**
 * Only the repository's own config counts for autopilot's git: a step may have
 * written ~/.gitconfig (HOME is passed to steps), and the private clone's
 * config is read-only to sandboxed steps.
 */
const ISOLATED_CONFIG_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }

/** Author and committer: autopilot, at a fixed date (so a resumed run builds the same commits). */
function identityEnv(date: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: AUTOPILOT_IDENT.name,
    GIT_AUTHOR_EMAIL: AUTOPILOT_IDENT.email,
    GIT_COMMITTER_NAME: AUTOPILOT_IDENT.name,
    GIT_COMMITTER_EMAIL: AUTOPILOT_IDENT.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date
  }
}

export class GitError extends AutopilotError {
  override name = 'GitError'
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly exitCodeOfGit: number
  ) {
    super(`git ${args.join(' ')} failed (exit ${exitCodeOfGit}): ${stderr.trim()}`, 1)
  }
}

export class Git {
  constructor(
    private readonly exec: CommandExecutor,
    readonly cwd: string,
    private readonly env: Record<string, string> = {}
  ) {}

  /** The git dir this wrapper is pinned to (`pinnedWorktree`), if any. */
  get gitDir(): string | undefined {
    return this.env.GIT_DIR
  }

  /** The same wrapper, in another directory. */
  at(cwd: string): Git {
    return new Git(this.exec, cwd, this.env)
  }

  /**
   * The wrapper for a worktree, with its git dir pinned: a step may rewrite the
   * worktree's `.git` file to point at a repository (and config) of its own.
   */
  async pinnedWorktree(path: string): Promise<Git> {
    const gitDir = await this.at(path).text(['rev-parse', '--absolute-git-dir'])
    return new Git(this.exec, path, { ...this.env, GIT_DIR: gitDir, GIT_WORK_TREE: path })
  }

  /** The wrapper for a worktree whose git dir is already known (see `pinnedWorktree`). */
  worktreeAt(path: string, gitDir: string): Git {
    return new Git(this.exec, path, { ...this.env, GIT_DIR: gitDir, GIT_WORK_TREE: path })
  }

  /** Runs git; resolves with the raw result whatever the exit code. */
  async raw(args: string[], stdin?: string | Buffer, extraEnv: Record<string, string> = {}) {
    return await this.exec.runTool({
      argv: ['git', ...SAFE_CONFIG, ...args],
      cwd: this.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...ISOLATED_CONFIG_ENV, ...this.env, ...extraEnv } as Record<
        string,
        string
      >,
      stdin
    })
  }

  /** Runs git and returns stdout as bytes; throws GitError on failure. */
  async bytes(args: string[], stdin?: string | Buffer, extraEnv?: Record<string, string>): Promise<Buffer> {
    const r = await this.raw(args, stdin, extraEnv)
    if (r.exitCode !== 0) throw new GitError(args, r.stderr, r.exitCode)
    return r.stdout
  }

  /** Trimmed stdout, or undefined when git exits non-zero (a question whose answer may be "none"). */
  private async maybeText(args: string[]): Promise<string | undefined> {
    const r = await this.raw(args)
    return r.exitCode === 0 ? r.stdout.toString('utf8').trim() : undefined
  }

  /** Runs git and returns trimmed stdout; throws GitError on failure. */
  async text(args: string[], stdin?: string | Buffer, extraEnv?: Record<string, string>): Promise<string> {
    return (await this.bytes(args, stdin, extraEnv)).toString('utf8').trim()
  }

  /** A GitRunner for src/git/changes.ts. */
  runner(): GitRunner {
    return args => this.bytes(args)
  }

  async topLevel(): Promise<string> {
    return await this.text(['rev-parse', '--show-toplevel'])
  }

  /** The top of the work tree `cwd` is in, or undefined outside a repository. */
  async findTopLevel(): Promise<string | undefined> {
    return await this.maybeText(['rev-parse', '--show-toplevel'])
  }

  async commitOf(ref: string): Promise<string> {
    return await this.text(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  }

  /** The commit `ref` names, or undefined when it names none. */
  async resolveCommit(ref: string): Promise<string | undefined> {
    return await this.maybeText(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  }

  /** The commit a branch points at, or undefined when there is no such branch. */
  async branchTip(branch: string): Promise<string | undefined> {
    return await this.maybeText(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`])
  }

  /** Full names of the branches (`refs/heads/...`). */
  async branches(): Promise<string[]> {
    return (await this.text(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).split('\n').filter(Boolean)
  }

  /** Commits reachable from `tip` but not from `base`. */
  async commitsBetween(base: string, tip: string): Promise<string[]> {
    return (await this.text(['rev-list', `${base}..${tip}`])).split('\n').filter(Boolean)
  }

  /** The committer date of `commit`, strict ISO 8601. */
  async commitDate(commit: string): Promise<string> {
    return await this.text(['log', '-1', '--format=%cI', commit])
  }

  /** Points `ref` at `commit`. */
  async updateRef(ref: string, commit: string): Promise<void> {
    await this.bytes(['update-ref', ref, commit])
  }

  /** Detaches HEAD at `commit` without touching the index or the files. */
  async detachHead(commit: string): Promise<void> {
    await this.bytes(['update-ref', '--no-deref', 'HEAD', commit])
  }

  /** A bare clone of `source` at `dir` sharing its objects (nothing copied). */
  async cloneBareShared(source: string, dir: string): Promise<void> {
    await this.bytes(['clone', '--bare', '--shared', '--quiet', '--no-tags', source, dir])
  }

  /** Fetches `branch` of repository `from` into the same branch here (forced); resolves git's complaint on failure. */
  async fetchBranch(from: string, branch: string): Promise<string | undefined> {
    const r = await this.raw(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', from, `+refs/heads/${branch}:refs/heads/${branch}`])
    return r.exitCode === 0 ? undefined : r.stderr.trim() || `git fetch exited with ${r.exitCode}`
  }

  /**
   * Makes the index and the work tree hold `tree`, writing only the files that
   * differ from what the index holds (cheap when two trees are close).
   */
  async switchTree(tree: string): Promise<void> {
    await this.bytes(['read-tree', '-u', '--reset', tree])
  }

  /** Removes every untracked file, ignored ones and nested repositories included. */
  async cleanAll(): Promise<void> {
    await this.bytes(['clean', '-ffdxq'])
  }

  /** Fills the index with `tree` without touching the work tree. */
  async readTree(tree: string): Promise<void> {
    await this.bytes(['read-tree', tree])
  }

  /** Applies a patch to the index only (no work tree needed). */
  async applyToIndex(patchFile: string): Promise<void> {
    await this.bytes(['apply', '--cached', '--binary', '--whitespace=nowarn', patchFile])
  }

  /** The tree the index holds. */
  async writeTree(): Promise<string> {
    return await this.text(['write-tree'])
  }

  /** The same wrapper with its index in `file` (a private index autopilot alone writes). */
  withIndex(file: string): Git {
    return new Git(this.exec, this.cwd, { ...this.env, GIT_INDEX_FILE: file })
  }

  /** A commit of `tree` on `parents`, with autopilot's identity and a fixed date; no index or work tree involved. */
  async commitTree(tree: string, parents: string[], message: string, date: string): Promise<string> {
    return await this.text(['commit-tree', '--no-gpg-sign', tree, ...parents.flatMap(p => ['-p', p])], message, identityEnv(date))
  }

  async treeOf(ref: string): Promise<string> {
    return await this.text(['rev-parse', `${ref}^{tree}`])
  }

  /** `git add -A` then the tree the index now holds. */
  async stageAll(): Promise<string> {
    await this.bytes(['add', '-A'])
    return await this.text(['write-tree'])
  }

  /** Binary-safe patch of the index against `base`, new files included. */
  async stagedPatch(base: string): Promise<Buffer> {
    // Every option that config could change is pinned: a step may have written the clone's config
    // (diff.noprefix would move paths, a textconv driver would run code here).
    return await this.bytes([
      'diff', '--cached', '--binary', '--full-index', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative',
      '--submodule=short', '--src-prefix=a/', '--dst-prefix=b/', '--no-renames', base
    ])
  }

  /** Applies a patch to the index and the work tree; throws with git's reason on conflict. */
  async apply(patchFile: string): Promise<void> {
    await this.bytes(['apply', '--index', '--binary', '--whitespace=nowarn', patchFile])
  }

  /** Whether `commit` exists with `parent` as its only parent and exactly `message` (a commit to reuse). */
  async commitMatches(commit: string, parent: string, message: string): Promise<boolean> {
    const r = await this.raw(['cat-file', 'commit', commit])
    if (r.exitCode !== 0) return false
    const text = r.stdout.toString('utf8')
    const end = text.indexOf('\n\n')
    const parents = text
      .slice(0, end)
      .split('\n')
      .filter(h => h.startsWith('parent '))
      .map(h => h.slice('parent '.length))
    return end > 0 && parents.length === 1 && parents[0] === parent && text.slice(end + 2) === message
  }

  /** A detached worktree at `path` on `commit`, files not yet written (`switchTree` writes them). */
  async worktreeAddNoCheckout(path: string, commit: string): Promise<void> {
    await this.bytes(['worktree', 'add', '--detach', '--force', '--quiet', '--no-checkout', path, commit])
  }

  async worktreeRemove(path: string): Promise<void> {
    const r = await this.raw(['worktree', 'remove', '--force', '--force', path])
    // Only when `remove` could not (e.g. the folder is already gone): `prune` scans every worktree.
    if (r.exitCode !== 0) await this.raw(['worktree', 'prune'])
  }

  /** Worktree paths registered in this repository (the main one excluded). */
  async worktrees(): Promise<string[]> {
    const out = await this.text(['worktree', 'list', '--porcelain'])
    const paths = out
      .split('\n')
      .filter(l => l.startsWith('worktree '))
      .map(l => l.slice('worktree '.length))
    return paths.slice(1)
  }
}
