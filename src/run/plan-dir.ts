/**
 * The read-only copy of the plan's folder that every step sees at
 * `$AUTOPILOT_PLAN_DIR`: taken from the user's checkout when the run starts
 * (committed or not), regular files only, never following a symbolic link,
 * bounded in size. Its digest is part of every task's cache key.
 */
import { createHash } from 'node:crypto'
import { lstatSync } from 'node:fs'
import { chmod, lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { AutopilotError } from '../errors.js'
import { PLAN_DIR_VAR, promptFileSource } from '../plan/plan-files.js'
import type { Plan } from '../plan/schema.js'

/** A copy of the plan folder. */
export interface PlanDirCopy {
  /** Absolute path of the copy (what `$AUTOPILOT_PLAN_DIR` holds). */
  dir: string
  /** The plan folder, relative to the repository root (POSIX separators). */
  folder: string
  /** sha256 over every copied file's path and content. */
  digest: string
  /** Entries left out (symbolic links, devices...), relative to the folder. */
  skipped: string[]
}

/** Limits that keep a plan folder a folder of prompts and scripts, not a data set. */
export const PLAN_DIR_LIMITS = { files: 2000, bytes: 64 * 1024 * 1024 }

/** Copies `<repoRoot>/<folder>` to `dest` (replacing it) and returns the copy. */
export async function snapshotPlanDir(repoRoot: string, folder: string, dest: string, planFile = 'Autopilot.yaml'): Promise<PlanDirCopy> {
  const source = path.join(repoRoot, folder)
  await rm(dest, { recursive: true, force: true })
  const files: { rel: string; data: Buffer }[] = []
  const skipped: string[] = []
  let bytes = 0
  const walk = async (rel: string) => {
    for (const entry of await readdir(path.join(source, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      // lstat again: readdir's type is the link's own, and so is this; a link is never followed.
      const st = await lstat(path.join(source, child))
      if (st.isDirectory()) await walk(child)
      else if (st.isFile()) {
        bytes += st.size
        if (files.length + 1 > PLAN_DIR_LIMITS.files || bytes > PLAN_DIR_LIMITS.bytes) {
          throw new AutopilotError(
            `the plan folder ${folder}/ holds more than ${PLAN_DIR_LIMITS.files} files or ${PLAN_DIR_LIMITS.bytes >> 20} MiB; ` +
              'keep prompts and helper scripts there, and data in the repository'
          )
        }
        files.push({ rel: child, data: await readFile(path.join(source, child)) })
      } else skipped.push(child)
    }
  }
  await walk('')
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
  const hash = createHash('sha256')
  for (const f of files) {
    // The plan itself is not part of the digest: each task's key already holds its own definition, and an
    // edit of one task must not make every other task run again.
    if (f.rel !== planFile) hash.update(`${f.rel}\0${f.data.length}\0`).update(f.data)
    const target = path.join(dest, f.rel)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, f.data)
    // Read-only also where the sandbox cannot bind it so (sandbox: off): a step should not edit its own plan.
    await chmod(target, 0o444)
  }
  await mkdir(dest, { recursive: true })
  return { dir: dest, folder, digest: hash.digest('hex'), skipped }
}

/** A file of the copy, by its path relative to the plan folder. */
export async function readPlanDirFile(copy: PlanDirCopy, rel: string): Promise<string> {
  const norm = path.posix.normalize(rel)
  if (norm.startsWith('../') || path.isAbsolute(norm)) throw new AutopilotError(`"${rel}" is outside the plan folder ${copy.folder}/`)
  try {
    return await readFile(path.join(copy.dir, norm), 'utf8')
  } catch {
    throw new AutopilotError(`"${rel}" is not a regular file of the plan folder ${copy.folder}/ (as it was when the run started)`)
  }
}

/** `plan` with `$AUTOPILOT_PLAN_DIR` set for every step (and so part of every task's key, with the copy's digest). */
export function withPlanDir(plan: Plan, copy: PlanDirCopy): Plan {
  return { ...plan, defaults: { ...plan.defaults, env: { ...plan.defaults.env, [PLAN_DIR_VAR]: copy.dir } } }
}

/**
 * The text of a step's `prompt-file`: from the plan folder's copy when it names a file there, else
 * `fromWorktree(path)` (a file of the task's own tree, read without following links).
 */
export async function readPromptFile(file: string, copy: PlanDirCopy | undefined, fromWorktree: (rel: string) => Promise<string>): Promise<string> {
  if (!copy) return await fromWorktree(file)
  const inCopy = (rel: string) => {
    try {
      return lstatSync(path.join(copy.dir, rel)).isFile()
    } catch {
      return false
    }
  }
  const source = promptFileSource(file, copy.folder, inCopy)
  return 'planDir' in source ? await readPlanDirFile(copy, source.planDir) : await fromWorktree(source.worktree)
}
