/**
 * What a crashed or finished run may have left behind, and its removal:
 * stray worktrees, leftover refs in the private clone, a stale lock, missing
 * logs, a manifest that does not match the delivered branch.
 */
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { branchName, type Plan } from '../plan/schema.js'
import type { RunManifest } from '../state/manifest.js'
import { exists } from '../state/files.js'
import { isAlive, readLockOwner } from '../state/lock.js'
import { killStrays } from './process-registry.js'
import { StoppedError } from '../errors.js'
import { Git } from '../git/git.js'
import type { CommandExecutor } from './executor.js'
import { suggestCommand } from '../invocation.js'

export interface AuditInput {
  plan: Plan
  manifest: RunManifest | undefined
  repoRoot: string
  runDir: string
  workRoot: string
  userGit: Git
  executor: CommandExecutor
  /** How the user started autopilot, for the commands the problems suggest. */
  invocation?: string
}

export async function audit(input: AuditInput): Promise<string[]> {
  const problems: string[] = []
  const { manifest, workRoot } = input
  const cleanUp = `run \`${suggestCommand(input.invocation, `clean ${input.plan.issue}`)}\``
  const lock = join(input.runDir, 'lock')
  if (await exists(lock)) {
    const owner = await readLockOwner(lock)
    if (!owner?.pid || !isAlive(owner.pid)) problems.push(`stale lock ${lock} (process ${owner?.pid ?? '?'} is gone); ${cleanUp}`)
    else return [`a run is in progress (pid ${owner.pid}); audit it when it has finished`]
  }
  const repoDir = join(workRoot, 'repo.git')
  if (await exists(join(repoDir, 'HEAD'))) {
    const repo = new Git(input.executor, repoDir)
    for (const wt of await repo.worktrees()) problems.push(`stray worktree ${wt}; ${cleanUp}`)
    const refs = await repo.branches()
    const userRefs = await input.userGit.branches()
    for (const r of temporaryBranches(refs, userRefs, input.plan)) problems.push(`leftover temporary branch ${r} in ${repoDir}; ${cleanUp}`)
  }
  const wtDir = join(workRoot, 'wt')
  if (await exists(wtDir)) for (const d of await readdir(wtDir)) problems.push(`stray worktree folder ${join(wtDir, d)}; ${cleanUp}`)
  if (!manifest) return problems
  for (const t of Object.values(manifest.tasks)) {
    if (['succeeded', 'failed', 'denied'].includes(t.status)) {
      if (!t.log) problems.push(`task ${t.id} is ${t.status} but has no log`)
      else if (!(await exists(join(input.repoRoot, t.log)))) problems.push(`log of task ${t.id} is missing: ${t.log}`)
    }
  }
  const commits = manifest.commits ?? {}
  const last = input.plan.tasks.map(t => commits[t.id]).filter(Boolean)
  if (manifest.finishedAt && last.length) {
    const tip = await input.userGit.branchTip(manifest.branch)
    const tips = new Set(Object.values(commits))
    if (!tip) problems.push(`branch ${manifest.branch} is missing although the manifest lists ${last.length} commits`)
    else if (!tips.has(tip)) problems.push(`branch ${manifest.branch} is at ${tip.slice(0, 12)}, which is not a commit of the manifest`)
    else {
      const onBranch = await input.userGit.commitsBetween(manifest.baseCommit, tip)
      if (onBranch.length !== tips.size) problems.push(`branch ${manifest.branch} has ${onBranch.length} commits, the manifest ${tips.size}`)
    }
  }
  return problems
}

/**
 * Branches of the private clone that are autopilot's leftovers. The clone
 * copies every branch of the user's repository, other issues' delivered
 * `autopilot/issue-<n>` branches included, and autopilot writes only this
 * plan's branch into it. So a leftover is an `autopilot/` branch that is
 * neither this plan's branch nor one of the user's (issue 17: another
 * issue's real branch was called a leftover).
 */
export function temporaryBranches(cloneRefs: string[], userRefs: string[], plan: Plan): string[] {
  const own = `refs/heads/${branchName(plan)}`
  const users = new Set(userRefs)
  return cloneRefs.filter(r => r.startsWith('refs/heads/autopilot/') && r !== own && !users.has(r))
}

/** Removes what runs left outside the state folder; manifests, patches and logs are kept. */
export async function clean(input: AuditInput): Promise<string[]> {
  const removed: string[] = []
  const lock = join(input.runDir, 'lock')
  if (await exists(lock)) {
    const owner = await readLockOwner(lock)
    if (owner?.pid && isAlive(owner.pid)) throw new StoppedError(`a run is in progress (pid ${owner.pid}); not cleaning`)
    await rm(lock, { force: true })
    removed.push(lock)
  }
  for (const pid of killStrays(join(input.runDir, 'processes'), input.plan.issue)) removed.push(`step process group ${pid} (killed)`)
  if (await exists(input.workRoot)) {
    await rm(input.workRoot, { recursive: true, force: true })
    removed.push(input.workRoot)
  }
  return removed
}
