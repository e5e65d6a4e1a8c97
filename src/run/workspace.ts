/**
 * Where tasks run: a private bare clone of the user's repository (objects
 * shared, nothing copied) and one worktree per task, outside the user's
 * checkout. The user's HEAD, index, working files, hooks and worktree list are
 * never touched; only the final branch is fetched back into their repository.
 */
import { createHash } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import pLimit from 'p-limit'
import type { CommandExecutor } from './executor.js'
import { Git } from '../git/git.js'
import { exists } from '../state/files.js'

export interface Workspace {
  /** Folder holding the private clone, worktrees and step temp dirs. */
  root: string
  /** The private bare clone. */
  repo: Git
  /** Paths sandboxed steps may not write: the user's checkout, the clone's config, hooks and info. */
  readOnly: string[]
  worktreePath(name: string): string
  /** A fresh worktree of `commit` (an older one of the same name is removed first). */
  addWorktree(name: string, commit: string): Promise<Git>
  removeWorktree(name: string): Promise<void>
  /** A fresh, empty temp dir for a task's steps. */
  freshTmp(name: string): Promise<string>
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
  const removeWorktree = async (name: string) => {
    const path = worktreePath(name)
    await serial(() => repo.worktreeRemove(path))
    await rm(path, { recursive: true, force: true })
  }
  // The checkout is left writable only when the work root is inside it (then its worktrees must be).
  const inside = (a: string, b: string) => !relative(b, a).startsWith('..') && !isAbsolute(relative(b, a))
  const readOnly = [
    ...(inside(root, repoRoot) ? [] : [repoRoot]),
    join(repoDir, 'config'),
    join(repoDir, 'hooks'),
    join(repoDir, 'info')
  ]
  return {
    root,
    repo,
    readOnly,
    worktreePath,
    async addWorktree(name, commit) {
      const path = worktreePath(name)
      // A leftover of an interrupted run; a registered but missing path is overridden by `add --force`.
      if (await exists(path)) await removeWorktree(name)
      await serial(() => repo.bytes(['worktree', 'add', '--detach', '--force', '--quiet', '--no-checkout', path, commit]))
      // Pinned before any step runs: a step may later rewrite the worktree's `.git` file.
      const git = await repo.pinnedWorktree(path)
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
    }
  }
}
