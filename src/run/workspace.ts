/**
 * Where tasks run: a private bare clone of the user's repository (objects
 * shared, nothing copied) and a pool of worktrees outside the user's checkout,
 * one per task running at once. A worktree is switched from one task's start
 * tree to the next, writing only the files that differ, so a task costs what
 * its change costs, not what the repository weighs. The user's HEAD, index,
 * working files, hooks and worktree list are never touched; only the final
 * branch is fetched back into their repository.
 */
import { createHash } from 'node:crypto'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, isAbsolute, join, relative } from 'node:path'
import pLimit from 'p-limit'
import type { CommandExecutor } from './executor.js'
import { Git } from '../git/git.js'
import { exists } from '../state/files.js'

/** A worktree of the pool, lent to one task at a time. */
export interface Slot {
  /** The worktree folder, where steps run. */
  path: string
  /** Autopilot's git there: git dir pinned, index private (a step can reach neither to fool the next task). */
  git: Git
}

export interface Workspace {
  /** Folder holding the private clone, worktrees and step temp dirs. */
  root: string
  /** The private bare clone. */
  repo: Git
  /** Paths sandboxed steps may not write: the user's checkout, the clone's config, hooks and info, autopilot's indexes. */
  readOnly: string[]
  /**
   * The tree of `base` with `patches` applied in order, built in a private
   * index: no files written. Throws GitError when a patch does not apply.
   */
  buildTree(base: string, patches: Buffer[], name: string): Promise<string>
  /** Lends a worktree at `wt/<name>` holding `tree` (index and files), its HEAD detached at `head`. */
  acquire(name: string, tree: string, head: string): Promise<Slot>
  /** Gives the worktree back for the next task. */
  release(slot: Slot): Promise<void>
  /** Removes every worktree of the pool (the end of a run). */
  close(): Promise<void>
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
    await user.at(root).cloneBareShared(repoRoot, repoDir)
  }
  const repo = new Git(executor, repoDir)
  // Caches agents write into the worktree they work in (aider's repo map) are not part of a task's
  // change. Ignored files never land, so an agent cannot smuggle anything through this list.
  await mkdir(join(repoDir, 'info'), { recursive: true })
  await writeFile(join(repoDir, 'info', 'exclude'), '# autopilot: agent caches, never part of a change\n.aider*\n')
  const indexDir = join(root, 'index')
  await mkdir(indexDir, { recursive: true })
  await mkdir(join(root, 'tmp'), { recursive: true })
  // `git worktree add/remove/prune` read and write repo.git/worktrees/ without a lock: side by side they
  // fail ("failed to read worktrees/<x>/commondir") or prune a worktree being created (bench/: 32 tasks
  // at once failed 1 run in 2). So they run one at a time.
  const serial = pLimit(1)
  const remove = async (path: string) => {
    await serial(() => repo.worktreeRemove(path))
    await rm(path, { recursive: true, force: true })
  }
  // The checkout is left writable only when the work root is inside it (then its worktrees must be).
  const inside = (a: string, b: string) => !relative(b, a).startsWith('..') && !isAbsolute(relative(b, a))
  const readOnly = [
    ...(inside(root, repoRoot) ? [] : [repoRoot]),
    join(repoDir, 'config'),
    join(repoDir, 'hooks'),
    join(repoDir, 'info'),
    indexDir
  ]

  interface PoolSlot extends Slot {
    /** The worktree's admin folder in the clone (`repo.git/worktrees/<x>`). */
    gitDir: string
    /** The index git itself keeps for the worktree: what a step's own `git status` reads. */
    stepIndex: string
    privateIndex: string
  }
  const free: PoolSlot[] = []
  const all = new Set<PoolSlot>()
  let made = 0
  const wtPath = (name: string) => join(root, 'wt', name)

  /**
   * A worktree is named for the task it serves (`wt/<task>`), idle ones `wt/.idle-<n>` (task ids cannot
   * start with a dot). Moving it is a rename plus git's two pointers, rewritten here: `git worktree move`
   * refuses worktrees holding submodules, which a step may have left.
   */
  const move = async (slot: PoolSlot, to: string) => {
    if (slot.path === to) return
    if (await exists(to)) await remove(to)
    await rename(slot.path, to)
    await writeFile(join(slot.gitDir, 'gitdir'), `${join(to, '.git')}\n`)
    slot.path = to
    slot.git = repo.worktreeAt(to, slot.gitDir).withIndex(slot.privateIndex)
  }

  const create = async (name: string, tree: string, head: string): Promise<PoolSlot> => {
    const path = wtPath(name)
    // A leftover of an interrupted run; a registered but missing path is overridden by `add --force`.
    if (await exists(path)) await remove(path)
    await serial(() => repo.worktreeAddNoCheckout(path, head))
    // Pinned before any step runs: a step may later rewrite the worktree's `.git` file.
    const pinned = await repo.pinnedWorktree(path)
    const gitDir = pinned.gitDir!
    const privateIndex = join(indexDir, `slot-${++made}`)
    const slot: PoolSlot = { path, gitDir, git: pinned.withIndex(privateIndex), stepIndex: join(gitDir, 'index'), privateIndex }
    await rm(privateIndex, { force: true })
    // The first checkout writes every file; later switches write only the difference.
    await slot.git.switchTree(tree)
    all.add(slot)
    return slot
  }

  const discard = async (slot: PoolSlot) => {
    all.delete(slot)
    await remove(slot.path)
    await rm(slot.privateIndex, { force: true })
  }

  const freshTmp = async (name: string) => {
    const dir = join(root, 'tmp', name)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    return dir
  }

  return {
    root,
    repo,
    readOnly,
    freshTmp,
    async buildTree(base, patches, name) {
      if (patches.length === 0) return await repo.treeOf(base)
      const file = join(await freshTmp(`${name}-deps`), 'dependencies.patch')
      const git = repo.withIndex(join(root, 'tmp', `${name}-deps.index`))
      await git.readTree(base)
      // One `git apply` for all of them (one patch stream, applied in order): a process per ancestor
      // made deep tasks start late (bench/: 60-task DAG, ~11 applies per task).
      await writeFile(file, Buffer.concat(patches))
      await git.applyToIndex(file)
      const tree = await git.writeTree()
      await rm(join(root, 'tmp', `${name}-deps`), { recursive: true, force: true })
      await rm(join(root, 'tmp', `${name}-deps.index`), { force: true })
      return tree
    },
    async acquire(name, tree, head) {
      let slot = free.pop()
      if (slot) {
        try {
          await move(slot, wtPath(name))
          // Whatever the last task left (a rollback's files, ignored caches) is staged, then the
          // index and files move to the new tree: only paths that differ are written.
          await slot.git.stageAll()
          await slot.git.switchTree(tree)
          await slot.git.cleanAll()
          // A step may have pointed `.git` at a repository of its own; the next task's steps get the real one.
          await writeFile(join(slot.path, '.git'), `gitdir: ${slot.gitDir}\n`)
        } catch {
          // A worktree a step made unusable (unremovable files): replaced by a fresh one.
          await discard(slot)
          slot = undefined
        }
      }
      slot ??= await create(name, tree, head)
      await slot.git.detachHead(head)
      // The step's own git sees the same index (stat data included, so `git status` stays cheap).
      await copyFile(slot.privateIndex, slot.stepIndex)
      return slot
    },
    async release(slot) {
      const s = slot as PoolSlot
      await move(s, wtPath(`.idle-${basename(s.privateIndex)}`))
      free.push(s)
    },
    async close() {
      for (const slot of [...all]) await discard(slot)
      free.length = 0
    }
  }
}
