/**
 * Integration: the landable patches applied in topological order onto a new
 * branch from the base, one commit per task, then the run-level gates on the
 * whole change. Nothing is written to the branch unless every patch applied.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Plan } from '../plan/schema.js'
import { LANDABLE, type GateRecord } from '../state/manifest.js'
import type { StoredResult } from '../state/store.js'
import type { Workspace } from './workspace.js'
import { GitError, type Diffstat, type Identity } from '../git/git.js'
import { changeLimits, collectChanges } from '../git/changes.js'
import { evaluateRunGates, evaluateTaskGates, maskDecision, type NamedSecret } from '../gates/index.js'

export interface IntegrationResult {
  /** Commit of each integrated task. */
  commits: Record<string, string>
  /** Landed tasks that changed nothing (checks only): no commit of their own. */
  checked?: string[]
  /** Size of each task commit made by this integration. */
  diffstats?: Record<string, Diffstat>
  /** Tip of the assembled branch (the base when nothing landed). */
  head: string
  gates: GateRecord[]
  /** Why nothing was delivered: a conflict or a run-level gate. */
  problem?: string
}

export async function integrate(input: {
  plan: Plan
  planPath: string
  order: string[]
  results: Map<string, StoredResult>
  baseCommit: string
  /** Commit date: fixed per run, so a resumed run builds the same commits. */
  date: string
  workspace: Workspace
  /** Author and committer of the commits, and trailers every commit carries besides autopilot's own. */
  identity?: CommitIdentity
  /** Where the commits go (default the base): the branch tip when stacking on it (`onto-branch`). */
  parent?: string
  /** Tasks whose identical patch is already on the branch at `parent`: kept, not applied again. */
  onBranch?: Map<string, { sha: string; patch: string }>
  /** Values the plan hands to tasks: none may land (see src/run/secrets.ts). */
  secrets: readonly NamedSecret[]
  /** Masks every text the gates return (file names can carry secrets). */
  mask: (text: string) => string
}): Promise<IntegrationResult> {
  const { workspace, plan } = input
  const parent = input.parent ?? input.baseCommit
  const git = await workspace.addWorktree('integrate', parent)
  const tmp = await workspace.freshTmp('integrate')
  const commits: Record<string, string> = {}
  const checked: string[] = []
  const diffstats: Record<string, Diffstat> = {}
  const touched = new Map<string, string[]>()
  // Nothing is delivered: no commits, the base as head.
  const refused = (problem: string): IntegrationResult => ({ commits: {}, head: parent, gates: [], problem })
  try {
    for (const id of input.order) {
      const result = input.results.get(id)
      if (!result || !LANDABLE.has(result.record.status)) continue
      const task = plan.tasks.find(t => t.id === id)!
      const already = input.onBranch?.get(id)
      if (already && already.patch === `sha256:${result.record.patchDigest}`) {
        commits[id] = already.sha
        continue
      }
      // A task that changed nothing (checks only) lands no commit: the report lists it as checked.
      if (result.patch.length === 0) {
        checked.push(id)
        continue
      }
      const file = join(tmp, `${id}.patch`)
      await writeFile(file, result.patch)
      try {
        await git.apply(file)
      } catch (e) {
        if (!(e instanceof GitError)) throw e
        const paths = conflictPaths(e.stderr)
        const others = [...touched].filter(([, ps]) => ps.some(p => paths.includes(p))).map(([t]) => t)
        return refused(
          `conflict: the patch of task "${id}" does not apply on top of ` +
            (others.length ? `task(s) ${others.map(o => `"${o}"`).join(', ')}` : parent === input.baseCommit ? 'the tasks before it' : 'the branch') +
            ` (${paths.join(', ') || e.stderr.trim()}). Give the tasks disjoint paths or make one need the other.`
        )
      }
      touched.set(id, patchPaths(result.patch))
      // The task's gates again, on exactly what lands: a result reused from a cache (which a
      // compromised job could have written) is held to the same rules as a fresh one.
      const changes = await collectChanges(git.runner(), 'HEAD', changeLimits(plan))
      const denied = (await evaluateTaskGates({ task, plan, changes, secrets: input.secrets }))
        .filter(d => !d.allowed)
        .map(d => maskDecision(d, input.mask))
      if (denied.length) {
        return refused(`the patch of task "${id}" is denied as it lands: ${denied.map(d => `${d.gate}: ${d.reason}`).join('; ')}`)
      }
      const message = commitMessage({ plan, planPath: input.planPath, id, name: task.name, patchDigest: result.record.patchDigest, extra: input.identity?.trailers })
      commits[id] = await git.commit(message, input.date, input.identity?.author)
      diffstats[id] = await git.diffstat(`${commits[id]}^`, commits[id])
    }
    const head = await git.text(['rev-parse', 'HEAD'])
    const runChanges = await collectChanges(git.runner(), parent, changeLimits(plan, 'run'))
    const decisions = (await evaluateRunGates({ plan, changes: runChanges, secrets: input.secrets })).map(d => maskDecision(d, input.mask))
    const gates = decisions.map(d => ({ gate: d.gate, allowed: d.allowed, reason: d.reason, optIn: d.optIn, findings: d.findings }))
    const denied = decisions.filter(d => !d.allowed)
    return {
      commits,
      checked,
      diffstats,
      head,
      gates,
      problem: denied.length
        ? `run-level gate denied the integrated branch: ${denied.map(d => `${d.gate}: ${d.reason}${d.optIn ? ` (to allow: ${d.optIn})` : ''}`).join('; ')}`
        : undefined
    }
  } finally {
    await workspace.removeWorktree('integrate').catch(() => {})
  }
}

/** Who the commits are by, and the trailers each carries besides autopilot's own. */
export interface CommitIdentity {
  author?: Identity
  /** Whole trailer lines, e.g. `Co-authored-by: octocat <1+octocat@users.noreply.github.com>`. */
  trailers?: string[]
}

/**
 * A task's commit message: its name as the subject, then the trailers a
 * reviewer (and the branch guard) reads: `Autopilot-Issue`, `Autopilot-Task`,
 * `Autopilot-Patch` (the digest a re-run compares), and any extra ones.
 */
export function commitMessage(c: { plan: Plan; planPath: string; id: string; name?: string; patchDigest?: string; extra?: string[] }): string {
  const trailers = [`Autopilot-Issue: ${c.plan.issue}`, `Autopilot-Task: ${c.id}`, `Autopilot-Patch: sha256:${c.patchDigest ?? ''}`, ...(c.extra ?? [])]
  return `${c.name ?? c.id} (autopilot #${c.plan.issue}: ${c.id})\n\nPlan: ${c.planPath}\n\n${trailers.join('\n')}\n`
}

/** Paths git names in "error: patch failed: <path>:<line>" / "error: <path>: ..." lines. */
export function conflictPaths(stderr: string): string[] {
  const out = new Set<string>()
  for (const m of stderr.matchAll(/^error: (?:patch failed: )?(.+?)(?::\d+)?(?:: .*)?$/gm)) out.add(m[1])
  return [...out]
}

/** Paths a patch touches, from its `diff --git a/x b/y` headers. */
export function patchPaths(patch: Buffer): string[] {
  const out: string[] = []
  for (const m of patch.toString('utf8').matchAll(/^diff --git a\/(.+?) b\/(.+)$/gm)) out.push(m[1], m[2])
  return [...new Set(out)]
}
