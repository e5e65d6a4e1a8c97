/**
 * Files of the plan's own folder that steps use: `prompt-file`s and the
 * helper scripts commands reach through `$AUTOPILOT_PLAN_DIR`. They are read
 * from the folder as it is in the user's checkout when the run starts,
 * committed or not, so `validate` checks they exist there.
 */
import { lstatSync } from 'node:fs'
import path from 'node:path'
import { PlanError } from '../errors.js'
import type { LoadedPlan } from './load.js'
import { formatPath, type PlanPath, type RawProblem } from './path.js'
import type { Plan, Step } from './schema.js'

/** The variable that holds the read-only copy of the plan folder inside a step. */
export const PLAN_DIR_VAR = 'AUTOPILOT_PLAN_DIR'

/**
 * The plan's default env as cache keys see it: without the copy's location, which differs per
 * machine and per Actions job (the copy's digest stands for its content).
 */
export function keyedEnv(env: Record<string, string>): Record<string, string> {
  const { [PLAN_DIR_VAR]: _where, ...rest } = env
  return rest
}

/** A file a plan refers to, and where in the plan it does. */
export interface PlanFileReference {
  path: PlanPath
  /** `prompt-file`: relative to the repository root or to the plan folder. `plan-dir`: relative to the plan folder. */
  kind: 'prompt-file' | 'plan-dir'
  file: string
}

const PLAN_DIR_REF = /\$(?:\{AUTOPILOT_PLAN_DIR\}|AUTOPILOT_PLAN_DIR\b)\/([^\s"'`;|&<>()$]+)/g

/** The `$AUTOPILOT_PLAN_DIR/<file>` references in a shell command. */
export function planDirReferences(command: string): string[] {
  return [...command.matchAll(PLAN_DIR_REF)].map((m) => m[1].replace(/[.,:]+$/, ''))
}

/** Every file reference of the plan, in order. */
export function planFileReferences(plan: Plan): PlanFileReference[] {
  const out: PlanFileReference[] = []
  const commands = (at: PlanPath, command: string | undefined) => {
    for (const file of planDirReferences(command ?? '')) out.push({ path: at, kind: 'plan-dir', file })
  }
  const step = (at: PlanPath, s: Step) => {
    if (s['prompt-file']) out.push({ path: [...at, 'prompt-file'], kind: 'prompt-file', file: s['prompt-file'] })
    commands([...at, 'run'], s.run)
    commands([...at, 'rollback'], s.rollback)
  }
  plan.setup.forEach((s, i) => step(['setup', i], s))
  plan.tasks.forEach((t, i) => {
    t.steps.forEach((s, j) => step(['tasks', i, 'steps', j], s))
    t.checks.forEach((c, j) => commands(['tasks', i, 'checks', j], typeof c === 'string' ? c : c.run))
  })
  return out
}

/**
 * Where a `prompt-file` is read from: the plan folder's copy when the path lies
 * in the plan folder (`.ai/plans/653/a.md`) or names a file of it (`a.md`),
 * else the task's worktree. `planFolder` is relative to the repository root.
 */
export function promptFileSource(file: string, planFolder: string, inPlanFolder: (rel: string) => boolean): { planDir: string } | { worktree: string } {
  const norm = path.posix.normalize(file)
  const prefix = `${path.posix.normalize(planFolder)}/`
  if (norm.startsWith(prefix)) return { planDir: norm.slice(prefix.length) }
  if (inPlanFolder(norm)) return { planDir: norm }
  return { worktree: norm }
}

/**
 * Problems for references to files that do not exist: in the plan folder for
 * `$AUTOPILOT_PLAN_DIR/...`, in the plan folder or the checkout for a prompt file.
 */
export function missingPlanFiles(plan: Plan, repoRoot: string, planFolder: string): RawProblem[] {
  // lstat: a symbolic link is not a plan file (one to /proc/self/environ would hand autopilot's environment to an agent).
  const isFile = (p: string) => {
    try {
      return lstatSync(p).isFile()
    } catch {
      return false
    }
  }
  const inPlanFolder = (rel: string) => isFile(path.join(repoRoot, planFolder, rel))
  return planFileReferences(plan).flatMap((ref): RawProblem[] => {
    if (ref.kind === 'plan-dir') {
      if (inPlanFolder(ref.file)) return []
      return [{ path: ref.path, message: `$${PLAN_DIR_VAR}/${ref.file}: no such file in the plan folder ${planFolder}/ (it must be a regular file there, committed or not)` }]
    }
    const source = promptFileSource(ref.file, planFolder, inPlanFolder)
    if ('planDir' in source ? inPlanFolder(source.planDir) : isFile(path.join(repoRoot, source.worktree))) return []
    // A path into the repository (`docs/brief.md`) may be written by an earlier step; a bare name or a path
    // inside the plan folder can only come from the plan folder, so its absence is a mistake.
    if ('worktree' in source && source.worktree.includes('/')) return []
    return [
      {
        path: ref.path,
        message: `prompt file "${ref.file}" is not a regular file in the plan folder ${planFolder}/ or the repository; create it or fix the path`
      }
    ]
  })
}

/** The plan folder of `planFile`, relative to the repository root (POSIX separators). */
export function planFolderOf(planFile: string, repoRoot: string): string {
  return path.relative(repoRoot, path.dirname(planFile)).split(path.sep).join('/')
}

/** Throws a located PlanError when the plan refers to plan-folder or prompt files that do not exist. */
export function assertPlanFiles(loaded: LoadedPlan, planFile: string, repoRoot: string): void {
  const problems = missingPlanFiles(loaded.plan, repoRoot, planFolderOf(planFile, repoRoot))
  if (problems.length === 0) return
  throw new PlanError(
    problems.map((p) => ({ file: loaded.file, ...loaded.locate([...p.path]), path: formatPath(p.path), message: p.message }))
  )
}
