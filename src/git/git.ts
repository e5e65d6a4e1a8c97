/**
 * The one git wrapper: every git command autopilot runs goes through here,
 * started from its absolute system path (src/run/programs.ts), with hooks,
 * fsmonitor, replace objects, system and global config and attribute files
 * disabled, so that nothing a step wrote can run in autopilot's own process or
 * change what it reads. A task's worktree is read through the private clone's
 * admin dir and index, which the sandbox does not show (src/run/step-git.ts).
 */
import { AutopilotError } from '../errors.js'
import type { CommandExecutor } from '../run/executor.js'
import type { GitRunner } from './changes.js'

/** A git identity (author and committer of autopilot's commits). */
export interface Identity {
  name: string
  email: string
}

/** Who autopilot's commits are by when nothing else is configured. */
export const AUTOPILOT_IDENT: Identity = { name: 'autopilot', email: 'autopilot@users.noreply.github.com' }

/** `Name <email>` as an identity; undefined for undefined or anything else. */
export function parseIdentity(text: string | undefined): Identity | undefined {
  const m = text ? /^\s*([^<>\n]+?)\s*<([^<>\s]+)>\s*$/.exec(text) : null
  return m ? { name: m[1], email: m[2] } : undefined
}

/** Size of a change, as `git diff --numstat` counts it. */
export interface Diffstat {
  files: number
  insertions: number
  deletions: number
}

/** One commit of a branch, with autopilot's trailers (empty when absent). */
export interface BranchCommit {
  sha: string
  author: string
  subject: string
  issue: string
  task: string
  patch: string
}

const SAFE_CONFIG = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.quotepath=off',
  '-c',
  'core.attributesFile=/dev/null'
]

/**
 * Only the repository's own config counts for autopilot's git (never ~/.gitconfig or /etc/gitconfig),
 * no attributes file of the system, and no replace refs: `git replace` of the base commit would make
 * every diff compare against a tree of the step's choosing. Filters and diff drivers a `.gitattributes`
 * names are inert, because only config can define them and no step can reach the config autopilot reads.
 */
export const ISOLATED_GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_ATTR_NOSYSTEM: '1',
  GIT_NO_REPLACE_OBJECTS: '1'
}

/** Variables of the caller that would redirect autopilot's git (a caller's hook environment, say). */
const REDIRECTING = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_CONFIG', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_EXEC_PATH', 'GIT_REPLACE_REF_BASE', 'GIT_NAMESPACE', 'GIT_CEILING_DIRECTORIES']

function callerEnv(): Record<string, string> {
  const env = { ...process.env } as Record<string, string>
  for (const name of REDIRECTING) delete env[name]
  return env
}

/** Author and committer (autopilot unless told), at a fixed date (so a resumed run builds the same commits). */
function identityEnv(date: string, ident: Identity = AUTOPILOT_IDENT): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: ident.name,
    GIT_AUTHOR_EMAIL: ident.email,
    GIT_COMMITTER_NAME: ident.name,
    GIT_COMMITTER_EMAIL: ident.email,
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

  /** The git dir this wrapper is pinned to (see `pinnedWorktree`), if any. */
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
      env: { ...callerEnv(), GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...ISOLATED_GIT_ENV, ...this.env, ...extraEnv },
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
    return (args, stdin) => this.bytes(args, stdin)
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
    return await this.maybeText(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`])
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
  async commitTree(tree: string, parents: string[], message: string, date: string, ident: Identity = AUTOPILOT_IDENT): Promise<string> {
    return await this.text(['commit-tree', '--no-gpg-sign', tree, ...parents.flatMap(p => ['-p', p])], message, identityEnv(date, ident))
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
  async pathsBetween(from: string, to: string): Promise<string[]> {
    const out = await this.text(['diff-tree', '-r', '-z', '--name-only', '--no-renames', '--no-ext-diff', from, to])
    return out.split('\0').filter(Boolean)
  }

  /**
   * Binary-safe patch of the index against `base`, new files included; with
   * `headersOnly`, every file shows as "Binary files differ" (a bounded record
   * of a change too large to keep whole, issue #10 point 8).
   */
  async stagedPatch(base: string, headersOnly = false): Promise<Buffer> {
    // Every option that config could change is pinned: a step may have written the clone's config
    // (diff.noprefix would move paths, a textconv driver would run code here).
    return await this.bytes([
      ...(headersOnly ? ['-c', 'core.bigFileThreshold=1'] : []), 'diff', '--cached', ...(headersOnly ? [] : ['--binary']), '--full-index', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative',
      '--submodule=short', '--src-prefix=a/', '--dst-prefix=b/', '--no-renames', base
    ])
  }

  /** Applies a patch to the index and the work tree, or says why it cannot (nothing is changed then). */
  async applies(patchFile: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    const r = await this.raw(['apply', '--index', '--binary', '--whitespace=nowarn', patchFile])
    return r.exitCode === 0 ? { ok: true } : { ok: false, reason: r.stderr.trim().split('\n')[0] ?? `exit ${r.exitCode}` }
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

  /** Commits the index with a fixed identity and date (so a resumed run builds the same commits). */
  async commit(message: string, date: string, ident: Identity = AUTOPILOT_IDENT): Promise<string> {
    await this.bytes(['commit', '--quiet', '--allow-empty', '--no-verify', '--no-gpg-sign', '-F', '-'], message, identityEnv(date, ident))
    return await this.text(['rev-parse', 'HEAD'])
  }

  /**
   * The user's own git identity (`user.name`/`user.email`, global config
   * included), read once before any step runs; undefined when not set.
   */
  async userIdentity(callerEnv: NodeJS.ProcessEnv): Promise<Identity | undefined> {
    const globalConfig = callerEnv.GIT_CONFIG_GLOBAL ?? (callerEnv.HOME ? `${callerEnv.HOME}/.gitconfig` : '/dev/null')
    const get = async (key: string) => {
      const r = await this.raw(['config', '--get', key], undefined, { GIT_CONFIG_GLOBAL: globalConfig })
      return r.exitCode === 0 ? r.stdout.toString('utf8').trim() : ''
    }
    const [name, email] = [await get('user.name'), await get('user.email')]
    return name && email ? { name, email } : undefined
  }

  /** Commits reachable from `tip` but not from any of `exclude`, newest first, with the trailers autopilot reads. */
  async commitsBeyond(tip: string, exclude: string[]): Promise<BranchCommit[]> {
    const fmt = '%H%x1f%an <%ae>%x1f%s%x1f%(trailers:key=Autopilot-Issue,valueonly,separator=%x2c)%x1f%(trailers:key=Autopilot-Task,valueonly,separator=%x2c)%x1f%(trailers:key=Autopilot-Patch,valueonly,separator=%x2c)%x1e'
    const out = await this.text(['log', `--format=${fmt}`, tip, ...exclude.map(e => `^${e}`), '--'])
    return out
      .split('\x1e')
      .map(r => r.trim())
      .filter(Boolean)
      .map(r => {
        const [sha, author, subject, issue, task, patch] = r.split('\x1f')
        return { sha, author, subject, issue: issue.trim(), task: task.trim(), patch: patch.trim() }
      })
  }

  /** Files changed, lines added and removed between two commits (binary files count as files only). */
  async diffstat(from: string, to: string): Promise<Diffstat> {
    const out = await this.text(['diff', '--numstat', '--no-renames', '--no-ext-diff', '--no-textconv', from, to, '--'])
    const stat: Diffstat = { files: 0, insertions: 0, deletions: 0 }
    for (const line of out.split('\n').filter(Boolean)) {
      const [add, del] = line.split('\t')
      stat.files++
      stat.insertions += Number(add) || 0
      stat.deletions += Number(del) || 0
    }
    return stat
  }

  /**
   * The commit `branch` points at on `remote` (a path or URL), fetched into
   * this repository under a private ref so its history can be read; undefined
   * when the remote has no such branch. Throws when the remote cannot be read.
   */
  async fetchRemoteBranch(remote: string, branch: string, configArgs: string[] = []): Promise<string | undefined> {
    const listed = await this.text([...configArgs, 'ls-remote', '--heads', remote, `refs/heads/${branch}`])
    const sha = listed.split(/\s+/)[0]
    if (!sha) return undefined
    await this.bytes([...configArgs, 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, `+refs/heads/${branch}:refs/autopilot/remote-tip`])
    return sha
  }

  /** The URL (or path) of remote `name`. */
  async remoteUrl(name = 'origin'): Promise<string> {
    return await this.text(['remote', 'get-url', name])
  }

  /**
   * Pushes `head` to `ref` on `remote`. `lease` guards the update (`--force-with-lease=<ref>:<expected>`; an
   * empty expected value means "the ref must not exist"); `force` replaces whatever is there. Resolves with
   * git's result: a refusal is the caller's to explain.
   */
  async pushRef(remote: string, head: string, ref: string, o: { lease?: string; force?: boolean; configArgs?: string[] } = {}) {
    const mode = o.lease !== undefined ? [`--force-with-lease=${ref}:${o.lease}`] : o.force ? ['--force'] : []
    return await this.raw([...(o.configArgs ?? []), 'push', '--quiet', ...mode, remote, `${head}:${ref}`])
  }

  /** Whether this repository holds commit `sha`. */
  async hasCommit(sha: string): Promise<boolean> {
    return (await this.raw(['cat-file', '-e', `${sha}^{commit}`])).exitCode === 0
  }

  /** Writes every file of the index to the work tree (what `worktree add` itself runs to check out). */
  async checkoutIndexTree(): Promise<void> {
    await this.bytes(['reset', '--hard', '--no-recurse-submodules', '--quiet'])
  }

  /** Stores `text` as a blob; its id. */
  async writeBlob(text: string | Buffer): Promise<string> {
    return await this.text(['hash-object', '-w', '--stdin'], text)
  }

  /** Puts a regular file's blob at `path` in the index. */
  async indexFile(path: string, blob: string): Promise<void> {
    await this.bytes(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`])
  }

  async worktreeAdd(path: string, commit: string): Promise<void> {
    await this.bytes(['worktree', 'add', '--detach', '--force', '--quiet', path, commit])
  }

  async worktreeRemove(path: string): Promise<void> {
    const r = await this.raw(['worktree', 'remove', '--force', '--force', path])
    // Only when `remove` could not (e.g. the folder is already gone): `prune` scans every worktree.
    if (r.exitCode !== 0) await this.raw(['worktree', 'prune'])
  }

  /** Every file of `commit`'s tree with its blob id (the id is a hash of the content). */
  async treeFiles(commit: string): Promise<{ path: string; oid: string }[]> {
    const out = (await this.bytes(['ls-tree', '-r', '-z', '--full-tree', commit])).toString('utf8')
    return out
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const tab = line.indexOf('\t')
        return { path: line.slice(tab + 1), oid: line.slice(0, tab).split(' ')[2] }
      })
  }

  /** Untracked files and folders git ignores, top-most only (folders end in `/`). */
  async ignoredEntries(): Promise<string[]> {
    const out = await this.bytes(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'])
    return out.toString('utf8').split('\0').filter(Boolean)
  }

  /** Tracked files changed and untracked files not ignored, as `git status --porcelain` names them. */
  async changedPaths(): Promise<string[]> {
    const out = await this.bytes(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'])
    return out.toString('utf8').split('\0').filter(Boolean).map(l => l.slice(3))
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
