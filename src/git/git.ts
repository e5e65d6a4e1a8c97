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

  async commitOf(ref: string): Promise<string> {
    return await this.text(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  }

  async treeOf(ref: string): Promise<string> {
    return await this.text(['rev-parse', `${ref}^{tree}`])
  }

  /** `git add -A` then the tree the index now holds. */
  async stageAll(): Promise<string> {
    await this.bytes(['add', '-A'])
    return await this.text(['write-tree'])
  }

  /** Paths that differ between two trees (or commits), for messages naming what changed. */
  async changedPaths(from: string, to: string): Promise<string[]> {
    const out = await this.text(['diff-tree', '-r', '-z', '--name-only', '--no-renames', '--no-ext-diff', from, to])
    return out.split('\0').filter(Boolean)
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

  /** Commits the index with a fixed identity and date (so a resumed run builds the same commits). */
  async commit(message: string, date: string): Promise<string> {
    const env = {
      GIT_AUTHOR_NAME: AUTOPILOT_IDENT.name,
      GIT_AUTHOR_EMAIL: AUTOPILOT_IDENT.email,
      GIT_COMMITTER_NAME: AUTOPILOT_IDENT.name,
      GIT_COMMITTER_EMAIL: AUTOPILOT_IDENT.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date
    }
    await this.bytes(['commit', '--quiet', '--allow-empty', '--no-verify', '--no-gpg-sign', '-F', '-'], message, env)
    return await this.text(['rev-parse', 'HEAD'])
  }

  async worktreeAdd(path: string, commit: string): Promise<void> {
    await this.bytes(['worktree', 'add', '--detach', '--force', '--quiet', path, commit])
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
