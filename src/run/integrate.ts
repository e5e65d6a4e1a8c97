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
import { GitError, type Diffstat, type Git, type Identity } from '../git/git.js'
import { changeLimits, collectChanges } from '../git/changes.js'
import { denialText, denied, evaluateRunGates, evaluateTaskGates, maskDecision, type NamedSecret } from '../gates/index.js'

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
  /** The sizes the earlier run recorded for those commits (a reused commit is not diffed again). */
  previousDiffstats?: Record<string, Diffstat>
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
  const checked: string[] = []
  const diffstats: Record<string, Diffstat> = {}
  const touched = new Map<string, string[]>()
  const final = new Map<string, { status: TaskStatus; result?: StoredResult }>()
  const parent = input.parent ?? input.baseCommit
  let head = parent
  let indexAt: string | undefined
  let next = 0
  let problem: string | undefined
  let chain: Promise<void> = Promise.resolve()
  // An error of git itself (not a conflict): kept until `finish`, which throws it.
  let broken: unknown

  const land = async (id: string, result: StoredResult) => {
    const task = plan.tasks.find(t => t.id === id)!
    const already = input.onBranch?.get(id)
    // Already on the branch `parent` is the tip of: kept where it is (the branch's later commits stay above it).
    if (already && already.patch === `sha256:${result.record.patchDigest}`) {
      commits[id] = already.sha
      return
    }
    // A task that changed nothing (checks only) lands no commit: the report lists it as checked.
    if (result.patch.length === 0) {
      checked.push(id)
      return
    }
    const message = commitMessage({ plan, planPath: input.planPath, id, name: task.name, patchDigest: result.record.patchDigest, extra: input.identity?.trailers })
    const before = input.previous?.[id]
    // The patch must still be the one its record names: a swapped patch is applied and gated again.
    if (before && sha256(result.patch) === result.record.patchDigest && (await repo.commitMatches(before, head, message))) {
      // Built by an earlier run of this plan on the same parent with the same patch: its gates passed then.
      diffstats[id] = input.previousDiffstats?.[id] ?? (await repo.diffstat(head, before))
      commits[id] = head = before
      return
    }
    {
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
          (others.length ? `task(s) ${others.map(o => `"${o}"`).join(', ')}` : parent === input.baseCommit ? 'the tasks before it' : 'the branch') +
          ` (${paths.join(', ') || e.stderr.trim()}). Give the tasks disjoint paths or make one need the other.`
        return
      } finally {
        await rm(file, { force: true })
      }
      touched.set(id, patchPaths(result.patch))
      // The task's gates again, on exactly what lands: a result reused from a cache (which a
      // compromised job could have written) is held to the same rules as a fresh one.
      const changes = await collectChanges(git.runner(), head, changeLimits(plan))
      const no = denied(await evaluateTaskGates({ task, plan, changes, secrets: input.secrets })).map(d => maskDecision(d, input.mask))
      if (no.length) {
        problem = `the patch of task "${id}" is denied as it lands: ${denialText(no)}`
        return
      }
    }
    const commit = await git.commitTree(await git.writeTree(), [head], message, input.date, input.identity?.author)
    diffstats[id] = await repo.diffstat(head, commit)
    commits[id] = head = commit
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
      // Nothing is delivered: no commits, the parent as head.
      if (problem) return { commits: {}, head: parent, gates: [], problem }
      const changes = await runChange(repo.withIndex(index), parent, head, changeLimits(plan, 'run'))
      const gates = (await evaluateRunGates({ plan, changes, secrets: input.secrets })).map(d => maskDecision(d, input.mask))
      await rm(index, { force: true })
      const no = denied(gates)
      return {
        commits,
        checked,
        diffstats,
        head,
        gates,
        problem: no.length ? `run-level gate denied the integrated branch: ${denialText(no)}` : undefined
      }
    }
  }
}

/** The whole change from `base` to `head`, read through a private index holding `head`. */
async function runChange(git: Git, base: string, head: string, limits: ReturnType<typeof changeLimits>) {
  await git.readTree(head)
  return await collectChanges(git.runner(), base, limits)
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
