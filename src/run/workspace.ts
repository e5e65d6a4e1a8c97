/**
 * Where tasks run: a private bare clone of the user's repository (objects
 * shared, nothing copied) and one worktree per task, outside the user's
 * checkout. The user's HEAD, index, working files, hooks and worktree list are
 * never touched; only the final branch is fetched back into their repository.
 */
import { createHash } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pLimit from 'p-limit'
import type { CommandExecutor } from './executor.js'
import { Git } from '../git/git.js'
import { exists } from '../state/files.js'
import type { Bind, SandboxSpec } from './sandbox.js'
import { makeStepGitDir, objectStores, restoreDotGit } from './step-git.js'

export interface Workspace {
  /** Folder holding the private clone, worktrees and step temp dirs. */
  root: string
  /** The private bare clone. */
  repo: Git
  worktreePath(name: string): string
  /** A fresh worktree of `commit` (an older one of the same name is removed first). */
  addWorktree(name: string, commit: string): Promise<Git>
  removeWorktree(name: string): Promise<void>
  /** A fresh, empty temp dir for a task's steps. */
  freshTmp(name: string): Promise<string>
  /**
   * What the task's steps see (call once the worktree holds the task's start `head`, before its first step):
   * the worktree, `tmpDir`, a fresh empty HOME kept across the task's steps, and a small git dir of the
   * step's own, which the worktree's `.git` now names (objects borrowed read-only from the clone).
   * autopilot's own git for the worktree (`addWorktree`'s) keeps its pinned git dir and index, which the
   * sandbox does not show.
   */
  prepareSandbox(name: string, git: Git, tmpDir: string, head: string): Promise<TaskSandbox>
  /** Read-only binds every step of the run sees (the plan folder's copy at $AUTOPILOT_PLAN_DIR). */
  shared: Bind[]
}

/** A task's sandbox view and its HOME. */
export interface TaskSandbox {
  spec: SandboxSpec
  home: string
}

/** The default work root: per repository and issue, under the system temp dir. */
export function defaultWorkRoot(repoRoot: string, issue: number, env: NodeJS.ProcessEnv): string {
  const base = env.AUTOPILOT_WORK_DIR ?? join(tmpdir(), 'autopilot')
  const id = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)
  return join(base, id, String(issue))
}

export async function openWorkspace(executor: CommandExecutor, repoRoot: string, root: string): Promise<Workspace> {
  const repoDir = join(root, 'repo.git')
  const user = new Git(executor, repoRoot)
  if (!(await exists(join(repoDir, 'HEAD')))) {
    await mkdir(root, { recursive: true })
    await user.at(root).bytes(['clone', '--bare', '--shared', '--quiet', '--no-tags', repoRoot, repoDir])
  }
  const repo = new Git(executor, repoDir)
  // Caches agents write into the worktree they work in (aider's repo map) are not part of a task's
  // change. Ignored files never land, so an agent cannot smuggle anything through this list.
  await mkdir(join(repoDir, 'info'), { recursive: true })
  await writeFile(join(repoDir, 'info', 'exclude'), '# autopilot: agent caches, never part of a change\n.aider*\n')
  const worktreePath = (name: string) => join(root, 'wt', name)
  // `git worktree add/remove/prune` read and write repo.git/worktrees/ without a lock: side by side they
  // fail ("failed to read worktrees/<x>/commondir") or prune a worktree being created (bench/: 32 tasks
  // at once failed 1 run in 2). So they run one at a time; the checkout, the slow part, runs in parallel.
  const serial = pLimit(1)
  const adminDirs = new Map<string, string>()
  const removeWorktree = async (name: string) => {
    const path = worktreePath(name)
    // The step pointed `.git` at its own git dir (or replaced it): point it back, so `worktree remove` accepts it.
    const admin = adminDirs.get(name)
    if (admin) await restoreDotGit(path, admin)
    await serial(() => repo.worktreeRemove(path))
    await rm(path, { recursive: true, force: true })
    await rm(join(root, 'home', name), { recursive: true, force: true })
    await rm(join(root, 'stepgit', name), { recursive: true, force: true })
  }
  // Read on first use: the chain of object stores the private clone borrows from (the user's repository).
  let stores: Promise<string[]> | undefined
  const shared: Bind[] = []
  return {
    root,
    shared,
    repo,
    worktreePath,
    async addWorktree(name, commit) {
      const path = worktreePath(name)
      // A leftover of an interrupted run; a registered but missing path is overridden by `add --force`.
      if (await exists(path)) await removeWorktree(name)
      await serial(() => repo.bytes(['worktree', 'add', '--detach', '--force', '--quiet', '--no-checkout', path, commit]))
      // Pinned before any step runs: a step may later rewrite the worktree's `.git` file.
      const git = await repo.pinnedWorktree(path)
      adminDirs.set(name, git.gitDir!)
      // What `worktree add` itself runs to check out, here outside the serial section.
      await git.bytes(['reset', '--hard', '--no-recurse-submodules', '--quiet'])
      return git
    },
    removeWorktree,
    async freshTmp(name) {
      const dir = join(root, 'tmp', name)
      await rm(dir, { recursive: true, force: true })
      await mkdir(dir, { recursive: true })
      return dir
    },
    async prepareSandbox(name, git, tmpDir, head) {
      const path = worktreePath(name)
      const home = join(root, 'home', name)
      await rm(home, { recursive: true, force: true })
      await mkdir(home, { recursive: true })
      stores ??= objectStores(join(repoDir, 'objects'))
      const step = await makeStepGitDir({
        dir: join(root, 'stepgit', name),
        worktree: path,
        head,
        index: join(git.gitDir!, 'index'),
        stores: await stores
      })
      return { home, spec: { writable: [path, tmpDir, home, step.dir], readOnly: [...step.binds, ...shared] } }
    }
  }
}
