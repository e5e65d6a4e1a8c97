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
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import pLimit from 'p-limit'
import type { CommandExecutor } from './executor.js'
import { Git } from '../git/git.js'
import { exists } from '../state/files.js'
import type { Bind, SandboxSpec } from './sandbox.js'
import { makeStepGitDir, objectStores, restoreDotGit } from './step-git.js'

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
  worktreePath(name: string): string
  /** A fresh worktree of `commit`, outside the pool (an older one of the same name is removed first). */
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
  const adminDirs = new Map<string, string>()
  const remove = async (path: string) => {
    // The step pointed `.git` at its own git dir (or replaced it): point it back, so `worktree remove` accepts it.
    const admin = adminDirs.get(path)
    if (admin) await restoreDotGit(path, admin).catch(() => {})
    await serial(() => repo.worktreeRemove(path))
    await rm(path, { recursive: true, force: true })
    await forget(path)
  }
  /** The task's HOME and step git dir, made by `prepareSandbox` for the worktree at `path`. */
  const forget = async (path: string) => {
    await rm(join(root, 'home', basename(path)), { recursive: true, force: true })
    await rm(join(root, 'stepgit', basename(path)), { recursive: true, force: true })
  }
  // Read on first use: the chain of object stores the private clone borrows from (the user's repository).
  let stores: Promise<string[]> | undefined
  const shared: Bind[] = []

  interface PoolSlot extends Slot {
    /** The worktree's admin folder in the clone (`repo.git/worktrees/<x>`). */
    gitDir: string
    privateIndex: string
  }
  const free: PoolSlot[] = []
  const all = new Set<PoolSlot>()
  const privateIndexes = new Map<string, string>()
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
    // The step's `.git` names its own git dir: point it back at the admin dir before the move.
    await restoreDotGit(slot.path, slot.gitDir)
    await forget(slot.path)
    adminDirs.delete(slot.path)
    privateIndexes.delete(slot.path)
    await rename(slot.path, to)
    await writeFile(join(slot.gitDir, 'gitdir'), `${join(to, '.git')}\n`)
    slot.path = to
    adminDirs.set(to, slot.gitDir)
    privateIndexes.set(to, slot.privateIndex)
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
    const slot: PoolSlot = { path, gitDir, git: pinned.withIndex(privateIndex), privateIndex }
    adminDirs.set(path, gitDir)
    privateIndexes.set(path, privateIndex)
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
    shared,
    repo,
    freshTmp,
    worktreePath: wtPath,
    async addWorktree(name, commit) {
      const path = wtPath(name)
      // A leftover of an interrupted run; a registered but missing path is overridden by `add --force`.
      if (await exists(path)) await remove(path)
      await serial(() => repo.worktreeAddNoCheckout(path, commit))
      // Pinned before any step runs: a step may later rewrite the worktree's `.git` file.
      const git = await repo.pinnedWorktree(path)
      adminDirs.set(path, git.gitDir!)
      // What `worktree add` itself runs to check out, here outside the serial section.
      await git.checkoutIndexTree()
      return git
    },
    async removeWorktree(name) {
      await remove(wtPath(name))
    },
    async prepareSandbox(name, git, tmpDir, head) {
      const path = wtPath(name)
      const home = join(root, 'home', name)
      await rm(home, { recursive: true, force: true })
      await mkdir(home, { recursive: true })
      stores ??= objectStores(join(repoDir, 'objects'))
      const step = await makeStepGitDir({
        dir: join(root, 'stepgit', name),
        worktree: path,
        head,
        // A pool worktree's index is autopilot's private one; the step's git gets a copy (stat data
        // included, so its `git status` stays cheap) and never the original.
        index: privateIndexes.get(path) ?? join(git.gitDir!, 'index'),
        stores: await stores
      })
      return { home, spec: { writable: [path, tmpDir, home, step.dir], readOnly: [...step.binds, ...shared] } }
    },
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
          await restoreDotGit(slot.path, slot.gitDir)
        } catch {
          // A worktree a step made unusable (unremovable files): replaced by a fresh one.
          await discard(slot)
          slot = undefined
        }
      }
      slot ??= await create(name, tree, head)
      await slot.git.detachHead(head)
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
