/**
 * Integration: the landable patches applied in topological order onto a new
 * branch from the base, one commit per task, then the run-level gates on the
 * whole change. Nothing is written to the branch unless every patch applied.
 *
 * No worktree: each patch is applied to a private index (`apply --cached`),
 * its tree committed with `commit-tree`. Tasks land as they finish (`offer`),
 * in topological order, while later ones still run; a resumed run reuses the
 * commits it built before instead of rebuilding them.
 */
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Plan } from '../plan/schema.js'
import { FINAL, LANDABLE, type GateRecord, type TaskStatus } from '../state/manifest.js'
import type { StoredResult } from '../state/store.js'
import type { Workspace } from './workspace.js'
import { sha256 } from '../state/keys.js'
import { GitError, type Git } from '../git/git.js'
import { collectChanges } from '../git/changes.js'
import { denialText, denied, evaluateRunGates, evaluateTaskGates } from '../gates/index.js'

export interface IntegrationResult {
  /** Commit of each integrated task. */
  commits: Record<string, string>
  /** Tip of the assembled branch (the base when nothing landed). */
  head: string
  gates: GateRecord[]
  /** Why nothing was delivered: a conflict or a run-level gate. */
  problem?: string
}

export interface IntegrationInput {
  plan: Plan
  planPath: string
  /** Topological order: tasks land in this order. */
  order: string[]
  baseCommit: string
  /** Commit date: fixed per run, so a resumed run builds the same commits. */
  date: string
  workspace: Workspace
  /** Commits an earlier run of this plan built (resume): reused when parent and patch match. */
  previous?: Record<string, string>
}

/** Lands tasks as they finish; `finish` runs the run-level gates and gives the result. */
export interface Integration {
  /** Call when a task reaches a final status; lands every task now next in order. Never rejects for a conflict. */
  offer(id: string, status: TaskStatus, result: StoredResult | undefined): Promise<void>
  /** Waits for the tasks offered so far, then runs the run-level gates (tasks never offered are skipped). */
  finish(): Promise<IntegrationResult>
}

export function startIntegration(input: IntegrationInput): Integration {
  const { plan, workspace } = input
  const repo = workspace.repo
  const index = join(workspace.root, 'tmp', 'integrate.index')
  const git = repo.withIndex(index)
  const commits: Record<string, string> = {}
  const touched = new Map<string, string[]>()
  const final = new Map<string, { status: TaskStatus; result?: StoredResult }>()
  let head = input.baseCommit
  let indexAt: string | undefined
  let next = 0
  let problem: string | undefined
  let chain: Promise<void> = Promise.resolve()
  // An error of git itself (not a conflict): kept until `finish`, which throws it.
  let broken: unknown

  const land = async (id: string, result: StoredResult) => {
    const task = plan.tasks.find(t => t.id === id)!
    const message =
      `${task.name ?? id} (autopilot #${plan.issue}: ${id})\n\n` +
      `Plan: ${input.planPath}\nTask: ${id}\nPatch: sha256:${result.record.patchDigest}\n`
    const before = input.previous?.[id]
    // The patch must still be the one its record names: a swapped patch is applied and gated again.
    if (before && sha256(result.patch) === result.record.patchDigest && (await repo.commitMatches(before, head, message))) {
      // Built by an earlier run of this plan on the same parent with the same patch: its gates passed then.
      commits[id] = head = before
      return
    }
    if (result.patch.length > 0) {
      if (indexAt !== head) await git.readTree(head)
      indexAt = undefined
      const file = join(workspace.root, 'tmp', `integrate-${id}.patch`)
      await writeFile(file, result.patch)
      try {
        await git.applyToIndex(file)
      } catch (e) {
        if (!(e instanceof GitError)) throw e
        const paths = conflictPaths(e.stderr)
        const others = [...touched].filter(([, ps]) => ps.some(p => paths.includes(p))).map(([t]) => t)
        problem =
          `conflict: the patch of task "${id}" does not apply on top of ` +
          (others.length ? `task(s) ${others.map(o => `"${o}"`).join(', ')}` : 'the tasks before it') +
          ` (${paths.join(', ') || e.stderr.trim()}). Give the tasks disjoint paths or make one need the other.`
        return
      } finally {
        await rm(file, { force: true })
      }
      touched.set(id, patchPaths(result.patch))
      // The task's gates again, on exactly what lands: a result reused from a cache (which a
      // compromised job could have written) is held to the same rules as a fresh one.
      const no = denied(await evaluateTaskGates({ task, plan, changes: await collectChanges(git.runner(), head) }))
      if (no.length) {
        problem = `the patch of task "${id}" is denied as it lands: ${denialText(no)}`
        return
      }
    } else if (indexAt !== head) {
      await git.readTree(head)
    }
    commits[id] = head = await git.commitTree(await git.writeTree(), [head], message, input.date)
    indexAt = head
  }

  // Lands every task whose turn has come: all tasks before it in topological order are final.
  const advance = async () => {
    while (!problem && next < input.order.length) {
      const id = input.order[next]
      const f = final.get(id)
      if (!f) return
      next++
      if (LANDABLE.has(f.status) && f.result) await land(id, f.result)
    }
  }

  return {
    offer(id, status, result) {
      if (!FINAL.has(status)) return chain
      final.set(id, { status, result })
      chain = chain.then(advance).catch(e => void (broken ??= e))
      return chain
    },
    async finish() {
      // Tasks that never reached a final status (an interrupted run) are passed over.
      for (const id of input.order) if (!final.has(id)) final.set(id, { status: 'cancelled' })
      chain = chain.then(advance)
      await chain
      if (broken) throw broken
      await rm(index, { force: true })
      if (problem) return { commits: {}, head: input.baseCommit, gates: [], problem }
      const gates = await evaluateRunGates({ plan, changes: await runChange(repo.withIndex(index), input.baseCommit, head) })
      await rm(index, { force: true })
      const no = denied(gates)
      return {
        commits,
        head,
        gates,
        problem: no.length ? `run-level gate denied the integrated branch: ${denialText(no)}` : undefined
      }
    }
  }
}

/** The whole change from `base` to `head`, read through a private index holding `head`. */
async function runChange(git: Git, base: string, head: string) {
  await git.readTree(head)
  return await collectChanges(git.runner(), base)
}

/** Integrates every result at once (the Action's finalize job, where all tasks have finished). */
export async function integrate(input: IntegrationInput & { results: Map<string, StoredResult> }): Promise<IntegrationResult> {
  const integration = startIntegration(input)
  for (const id of input.order) {
    const r = input.results.get(id)
    if (r) await integration.offer(id, r.record.status, r)
  }
  return await integration.finish()
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
