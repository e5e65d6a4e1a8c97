/**
 * The git dir a step sees: small, its own, and worthless to an attacker.
 *
 * A task's worktree belongs to autopilot's private clone, whose admin folder
 * (`repo.git/worktrees/<id>`: HEAD, index, commondir) and shared config,
 * refs and hooks are what autopilot's own git reads. None of that is shown in
 * the sandbox. Instead the worktree's `.git` file names a git dir made here for
 * the task (HEAD at the task's start, a copy of the index, an empty config),
 * which borrows every object read-only through `objects/info/alternates`, so an
 * agent can still run `git status`, `diff`, `log` and `commit` inside.
 * Whatever a step writes there (config, attributes, hooks, refs, replace refs,
 * alternates, or a rewritten `.git` file) changes only this throwaway folder.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import type { Bind } from './sandbox.js'

/** Where, inside the sandbox, the borrowed object stores appear (read-only). */
export const SANDBOX_OBJECTS = '/.autopilot/objects'

/**
 * The object stores `objects` uses: itself and, through `info/alternates`, the stores it borrows
 * from (the user's repository, for a `--shared` clone), depth-first as git reads them.
 */
export async function objectStores(objects: string, depth = 0): Promise<string[]> {
  const stores = [objects]
  if (depth >= 5) return stores
  let text = ''
  try {
    text = await readFile(join(objects, 'info', 'alternates'), 'utf8')
  } catch {
    return stores
  }
  for (const line of text.split('\n')) {
    const entry = line.trim()
    if (!entry || entry.startsWith('#')) continue
    const path = isAbsolute(entry) ? entry : resolve(objects, entry)
    for (const s of await objectStores(path, depth + 1)) if (!stores.includes(s)) stores.push(s)
  }
  return stores
}

/** The binds that show `stores` at neutral paths, each with its `info` (and so its alternates) emptied. */
export function objectBinds(stores: string[], emptyDir: string): Bind[] {
  return stores.flatMap((source, i) => [
    { source, dest: `${SANDBOX_OBJECTS}/${i}` },
    // The host paths in a store's own alternates do not exist in here; git would complain on every call.
    { source: emptyDir, dest: `${SANDBOX_OBJECTS}/${i}/info` }
  ])
}

/**
 * Makes (afresh) the step's git dir `dir` for `worktree` and points the worktree's `.git` at it.
 * Returns the binds the sandbox needs for its objects.
 */
export async function makeStepGitDir(input: {
  dir: string
  worktree: string
  /** The commit the task starts from. */
  head: string
  /** autopilot's index of the worktree, copied so `git status` inside starts clean. */
  index: string
  stores: string[]
}): Promise<{ dir: string; binds: Bind[] }> {
  const { dir } = input
  await rm(dir, { recursive: true, force: true })
  const empty = join(dir, '..', '.empty')
  await mkdir(empty, { recursive: true })
  await mkdir(join(dir, 'objects', 'info'), { recursive: true })
  await mkdir(join(dir, 'refs', 'heads'), { recursive: true })
  await mkdir(join(dir, 'refs', 'tags'), { recursive: true })
  await writeFile(join(dir, 'HEAD'), `${input.head}\n`)
  await writeFile(join(dir, 'config'), '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n')
  await writeFile(join(dir, 'objects', 'info', 'alternates'), input.stores.map((_, i) => `${SANDBOX_OBJECTS}/${i}\n`).join(''))
  await copyFile(input.index, join(dir, 'index')).catch(() => {})
  await restoreDotGit(input.worktree, dir)
  return { dir, binds: objectBinds(input.stores, empty) }
}

/** Replaces whatever the worktree's `.git` is now (file, folder, link) by a file naming `gitDir`. */
export async function restoreDotGit(worktree: string, gitDir: string): Promise<void> {
  const dotGit = join(worktree, '.git')
  // Removed first: writing through a link a step left there would write wherever it points.
  await rm(dotGit, { recursive: true, force: true })
  await writeFile(dotGit, `gitdir: ${gitDir}\n`, { flag: 'wx' })
}
