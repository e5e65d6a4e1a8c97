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
import { GitError } from '../git/git.js'
import { changeLimits, collectChanges } from '../git/changes.js'
import { evaluateRunGates, evaluateTaskGates, maskDecision, type NamedSecret } from '../gates/index.js'

export interface IntegrationResult {
  /** Commit of each integrated task. */
  commits: Record<string, string>
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
  /** Values the plan hands to tasks: none may land (see src/run/secrets.ts). */
  secrets: readonly NamedSecret[]
  /** Masks every text the gates return (file names can carry secrets). */
  mask: (text: string) => string
}): Promise<IntegrationResult> {
  const { workspace, plan } = input
  const git = await workspace.addWorktree('integrate', input.baseCommit)
  const tmp = await workspace.freshTmp('integrate')
  const commits: Record<string, string> = {}
  const touched = new Map<string, string[]>()
  // Nothing is delivered: no commits, the base as head.
  const refused = (problem: string): IntegrationResult => ({ commits: {}, head: input.baseCommit, gates: [], problem })
  try {
    for (const id of input.order) {
      const result = input.results.get(id)
      if (!result || !LANDABLE.has(result.record.status)) continue
      const task = plan.tasks.find(t => t.id === id)!
      if (result.patch.length > 0) {
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
              (others.length ? `task(s) ${others.map(o => `"${o}"`).join(', ')}` : 'the tasks before it') +
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
      }
      const message =
        `${task.name ?? id} (autopilot #${plan.issue}: ${id})\n\n` +
        `Plan: ${input.planPath}\nTask: ${id}\nPatch: sha256:${result.record.patchDigest}\n`
      commits[id] = await git.commit(message, input.date)
    }
    const head = Object.keys(commits).length ? await git.text(['rev-parse', 'HEAD']) : input.baseCommit
    const changes = await collectChanges(git.runner(), input.baseCommit, changeLimits(plan, 'run'))
    const decisions = (await evaluateRunGates({ plan, changes, secrets: input.secrets })).map(d => maskDecision(d, input.mask))
    const gates = decisions.map(d => ({ gate: d.gate, allowed: d.allowed, reason: d.reason, optIn: d.optIn, findings: d.findings }))
    const denied = decisions.filter(d => !d.allowed)
    return {
      commits,
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
